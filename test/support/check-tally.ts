import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How many messages a contract check (OpenAPI, AsyncAPI) validated over a whole `npm test`, and
 * of how many kinds. Jest gives each test file its own module registry, so each file keeps its
 * own count and leaves it, after each file and at exit, in a directory the global setup makes;
 * the global teardown adds them up.
 */
export class CheckTally {
  private validated = 0;
  private readonly kinds = new Set<string>();
  private readonly file = `${process.pid}-${randomUUID()}.json`;
  private unsaved = 0;

  /** `envVar` names the directory, shared by the processes of one run. */
  constructor(private readonly envVar: string) {
    process.on('exit', () => this.save());
  }

  count(kind: string): void {
    this.validated++;
    this.kinds.add(kind);
    this.unsaved++;
  }

  save(): void {
    const dir = process.env[this.envVar];
    if (!dir || this.unsaved === 0) return;
    writeFileSync(join(dir, this.file), JSON.stringify({ validated: this.validated, kinds: [...this.kinds] }));
    this.unsaved = 0;
  }

  /** Global setup: the directory where each test process leaves its count. */
  start(): void {
    process.env[this.envVar] = mkdtempSync(join(tmpdir(), `${this.envVar.toLowerCase()}-`));
  }

  /** Global teardown: the totals, or null when nothing was validated (the bench reuses the global setup). */
  total(): { validated: number; kinds: Set<string> } | null {
    const dir = process.env[this.envVar];
    if (!dir) return null;
    let validated = 0;
    const kinds = new Set<string>();
    for (const name of readdirSync(dir)) {
      const part = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { validated: number; kinds: string[] };
      validated += part.validated;
      part.kinds.forEach((k) => kinds.add(k));
    }
    return validated === 0 ? null : { validated, kinds };
  }
}
