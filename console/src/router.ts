import { useEffect, useState } from 'react';

/** Hash routes (#/users/alice), so the service serves one static page for every view. */
export function useRoute(): string[] {
  const read = () => decodeURIComponent(window.location.hash.replace(/^#\/?/, '')).split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const hrefOf = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;
