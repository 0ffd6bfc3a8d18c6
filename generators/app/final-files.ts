// Files rendered last, from the manifest and the project as it is about to be written (mem-fs): the checklist.
import type Generator from 'yeoman-generator';
import type { RenderContext } from '../lib/render/context.js';
import type { PlannedFile } from '../lib/render/plan.js';

export function finalFiles(_ctx: RenderContext, _gen: Generator): PlannedFile[] {
  return [];
}
