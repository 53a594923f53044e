/** Epoch milliseconds as the ISO 8601 text every surface answers with; null stays null. */
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
