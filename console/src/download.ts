/** Saves `blob` as a file named `name`: a link to an object URL, clicked once, then let go. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL is only freed later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name a `Content-Disposition: attachment; filename="…"` header gives, if any. */
export const attachmentName = (header: string | null): string | null => /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? null;
