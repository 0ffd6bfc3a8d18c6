// `c7-app new [dir]`: the same generator as `yo c7-app`.
import { runGenerator } from './yeoman.js';

export const runNew = (args: string[]) => runGenerator('app', args);
