import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A webhook signing secret, shown once (the API never shows it again): a modal that says so, with
 * the secret selected in a read-only field and a button that copies it. Closing it (Done or
 * Escape) forgets the secret and gives the focus back to whatever opened it.
 */
export function SecretDialog({ title, secret, children, onClose }: { title: string; secret: string; children?: ReactNode; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // As ConfirmDialog: closed while still in the page, so the browser gives the focus back.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      field.current?.select();
      setCopied('The browser did not allow copying: the secret is selected, copy it with the keyboard.');
    }
  };
  return (
    <dialog ref={ref} aria-labelledby="secret-title" aria-describedby="secret-once" onCancel={onClose}>
      <article>
        <h3 id="secret-title">{title}</h3>
        <p id="secret-once">
          <strong>Copy this secret now: it will not be shown again.</strong> The receiver verifies each delivery&apos;s signature with it.
        </p>
        <label htmlFor="webhook-secret">
          Signing secret
          <input id="webhook-secret" ref={field} className="secret" value={secret} readOnly spellCheck={false} autoComplete="off" onFocus={(e) => e.target.select()} />
        </label>
        {children}
        <p role="status" data-testid="secret-copied">
          {copied}
        </p>
        <footer>
          <button type="button" className="secondary" onClick={() => void copy()}>
            Copy secret
          </button>
          <button type="button" onClick={onClose}>
            Done
          </button>
        </footer>
      </article>
    </dialog>
  );
}
