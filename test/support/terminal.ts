// Drives a program in a real terminal (tmux): type, press keys, wait for what the screen shows.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export class Terminal {
  readonly name = `c7test-${randomBytes(4).toString('hex')}`;

  constructor(command: string, { cwd, width = 200, height = 60 }: { cwd: string; width?: number; height?: number }) {
    // The shell stays alive after the program ends so its exit code can be read from the screen.
    execFileSync('tmux', ['new-session', '-d', '-s', this.name, '-x', String(width), '-y', String(height), '-c', cwd,
      `${command}; echo "[exit $?]"; sleep 300`], { env: { ...process.env, NO_COLOR: '1', TERM: 'xterm-256color' } });
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-J', '-S', '-2000', '-t', this.name], { encoding: 'utf8' });
  }

  /** Waits until the screen matches; `after` counts matches, so a prompt asked twice can be told apart. */
  async waitFor(re: RegExp, { timeoutMs = 20_000, after = 0 }: { timeoutMs?: number; after?: number } = {}): Promise<string> {
    const end = Date.now() + timeoutMs;
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (;;) {
      const text = this.screen();
      if ((text.match(global) ?? []).length > after) return text;
      if (Date.now() > end) throw new Error(`timed out waiting for ${re} on the terminal:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...keys]);
  }

  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, '-l', text]);
  }

  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.name]);
  }
}
