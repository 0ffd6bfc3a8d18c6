// Ruby's REST ORMs: a model class whose class and instance methods are requests to its collection's path, on the API
// its configuration names (flow.ts ormCall reads the model and its calls).
//   Her            `include Her::Model`, `collection_path "club"` (or `resource_path "club/:id"`), `use_api X` with
//                  `X.setup url: …` (else Her::API.setup's): find/all/where/create, save_existing, destroy_existing
//   Spyke          `class Club < Spyke::Base`, `uri "club/(:id)"`, the connection `Spyke::Base.connection =
//                  Faraday.new(url: …)` (or the model's own)
//   ActiveResource `class Club < ActiveResource::Base`, `self.site = …`, `self.collection_name` (else element_name or
//                  the class name, pluralised), ".json" after the path unless `self.include_format_in_path = false`
// An instance is a request too: save (PUT when it was found, POST when it was made with new), update, destroy.
import type { HttpMethod } from '../catalog/index.js';

export type OrmLibrary = 'her' | 'spyke' | 'activeresource';

/** A class method: its request's method, and whether its first argument is the record's id. */
interface OrmCall { method: HttpMethod; id: boolean }
const READ: OrmCall = { method: 'GET', id: false };
const COMMON: Record<string, OrmCall> = {
  all: READ, where: READ, first: READ, last: READ, order: READ, page: READ, per: READ, limit: READ, each: READ, find_each: READ,
  find: { method: 'GET', id: true }, create: { method: 'POST', id: false }, 'create!': { method: 'POST', id: false },
};
export const ORM_CLASS_CALLS: Record<OrmLibrary, Record<string, OrmCall>> = {
  her: { ...COMMON, save_existing: { method: 'PUT', id: true }, destroy_existing: { method: 'DELETE', id: true } },
  spyke: { ...COMMON, destroy: { method: 'DELETE', id: true } },
  activeresource: { ...COMMON, delete: { method: 'DELETE', id: true } },
};
/** Instance methods; `save` is a PUT on a record that was found, a POST on one made with new. */
export const ORM_INSTANCE_CALLS: Record<string, HttpMethod | 'save'> = {
  save: 'save', 'save!': 'save', update: 'PUT', update_attributes: 'PUT', update_attribute: 'PUT', destroy: 'DELETE', 'destroy!': 'DELETE', reload: 'GET',
};
/** Class calls and relation steps that give records (found, so their save is a PUT). */
export const ORM_FINDERS = /^(?:find|first|last|all|where|find_by|find_each|each|order|limit|page|per|includes)$/;

/** A naive English plural, as ActiveSupport's for the usual resource names (club -> clubs, category -> categories). */
function pluralize(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
const underscore = (name: string) => name.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();

/** The collection's path (no leading slash) a model's literal settings give, and what follows each path (".json"). */
export function collectionPath(lib: OrmLibrary, cls: string, settings: Record<string, string | undefined>): { path: string; suffix: string } {
  const strip = (p: string) => p.replace(/^\//, '').replace(/\/?\(?\/?:id\)?$/, '').replace(/\/$/, '');
  if (lib === 'her') return { path: settings.collection_path !== undefined ? strip(settings.collection_path) : settings.resource_path !== undefined ? strip(settings.resource_path) : pluralize(underscore(cls)), suffix: '' };
  if (lib === 'spyke') return { path: settings.uri !== undefined ? strip(settings.uri) : pluralize(underscore(cls)), suffix: '' };
  const name = settings.collection_name ?? pluralize(settings.element_name ?? underscore(cls));
  return { path: name, suffix: settings.include_format_in_path === 'false' ? '' : '.json' };
}

/** The settings a model's class body may give, by library. */
export const ORM_SETTINGS: Record<OrmLibrary, string[]> = {
  her: ['collection_path', 'resource_path'],
  spyke: ['uri'],
  activeresource: ['collection_name', 'element_name', 'include_format_in_path'],
};
