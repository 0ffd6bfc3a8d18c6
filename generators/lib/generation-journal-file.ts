// The generation journal's file name (lib/generation-journal.ts), apart: `c7-app check`'s rule looks for the file
// without loading the code that writes it (the atomic writer and its signal handlers).
export const GENERATION_JOURNAL = '.c7-app-generation.json';
