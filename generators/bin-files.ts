// The files of the bundled bin (dist/bin), by what each runs. Empty in the tsc build, which has no bundle; the
// bundle's copy of this module is written by scripts/build-bundle.mjs (binFiles) with the built files' names.
export interface BinFiles {
  /** The hot commands, each one file of its own: the command's name -> its file in dist/bin. */
  commands: Record<string, string>;
  /** The file of the full program: every other command, help, --version and a mistyped command. */
  program: string;
  /** Every command's name (the program file's code cache is kept per command). */
  names: string[];
}

export const BIN_FILES: BinFiles = { commands: {}, program: '', names: [] };
