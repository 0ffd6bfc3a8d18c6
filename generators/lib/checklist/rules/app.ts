// Create the app: title, type, company, contact (platform.md §2).
import {
  ALLOWED_TENANTS_REQUIRED_FOR, APP_TYPES, appTypeLabel, EXTENSIONS_ALLOWED_FOR, isTenantId, MAX_TITLE_WORDS,
  TENANT_ID_HELP, WEBHOOK_DISABLED_AFTER_HOURS,
} from '../../catalog/index.js';
import { GENERATION_JOURNAL } from '../../generation-journal-file.js';
import { ADVICE, commerce7, EMAIL, fail, isBlank, list, pass, plural, quote, type Rule } from '../rule.js';

const privateLabel = () => appTypeLabel('private');
const needsTenants = (type: string) => (ALLOWED_TENANTS_REQUIRED_FOR as readonly string[]).includes(type);
const labelOf = (type: string) => APP_TYPES.find((t) => t.id === type)?.label ?? type;

/** The command named in the journal of an interrupted run ('new' when it cannot be read). */
function interruptedCommand(text: string | undefined): string {
  try {
    return (JSON.parse(text ?? '') as { command?: unknown }).command === 'scopes' ? 'scopes' : 'new';
  } catch {
    return 'new';
  }
}

export const appRules: Rule[] = [
  {
    // Our rule: a killed `c7-app new`/`scopes` leaves its journal (lib/generation-journal); every file is whole, but
    // some may be missing or still old, so nothing below can be trusted until the run is completed.
    id: 'app.generation-complete', section: 'app', kind: 'auto', source: ADVICE,
    title: 'The project\u2019s files are complete (no interrupted c7-app run)',
    check: ({ project }) => {
      if (!project.exists(GENERATION_JOURNAL)) return pass();
      const command = interruptedCommand(project.read(GENERATION_JOURNAL));
      return fail(`a \`c7-app ${command}\` run in this folder was interrupted before it finished writing (${GENERATION_JOURNAL} is still there): some files may be missing or still old`,
        `run \`c7-app ${command}\` again in this folder (the same command and flags): it completes the interrupted run and removes ${GENERATION_JOURNAL}`);
    },
  },
  {
    id: 'app.title', section: 'app', kind: 'auto', source: commerce7('createApp'),
    title: 'The app title is a couple of words (it must also be unique in the App Development Center)',
    check: ({ manifest: m }) => {
      const words = (m.app?.title ?? '').trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) return fail('app.title is empty', 'set app.title: a couple of words that name the app');
      if (words.length > MAX_TITLE_WORDS) return fail(`app.title has ${words.length} words: Commerce7 asks for a couple of words, not a sentence (we suggest at most ${MAX_TITLE_WORDS})`, 'shorten app.title');
      return pass();
    },
  },
  {
    id: 'app.company', section: 'app', kind: 'auto', source: commerce7('createApp'),
    title: 'The Company Name is set',
    check: ({ manifest: m }) => (isBlank(m.app?.companyName) ? fail('app.companyName is empty', 'set app.companyName: the company clients see') : pass()),
  },
  {
    id: 'app.contact-email', section: 'app', kind: 'auto', source: commerce7('createApp'),
    title: 'The Contact Email is a valid address that someone reads',
    check: ({ manifest: m }) => {
      const email = m.app?.contactEmail ?? '';
      if (!EMAIL.test(email)) return fail(email ? `${quote(email)} is not an email address` : 'app.contactEmail is empty', `set app.contactEmail to an address you read: Commerce7 writes there, e.g. when a webhook keeps failing (it is disabled for good after ${WEBHOOK_DISABLED_AFTER_HOURS} hours)`);
      return pass();
    },
  },
  {
    id: 'app.allowed-tenants', section: 'app', kind: 'auto', source: commerce7('appTypes'),
    title: ({ manifest: m }) => needsTenants(m.app?.type)
      ? `A ${privateLabel()} lists the tenants allowed to install it`
      : `An app of type ${labelOf(m.app?.type)} lists no allowed tenants (it is public)`,
    check: ({ manifest: m }) => {
      const tenants = list(m.app?.allowedTenants);
      if (needsTenants(m.app?.type)) {
        if (tenants.length === 0) return fail(`app.allowedTenants is empty: only the clients listed there can see and install a ${privateLabel()}`, `add the tenant ID of each client to app.allowedTenants. ${TENANT_ID_HELP}`);
        const bad = tenants.filter((t) => !isTenantId(t));
        if (bad.length) return fail(`${plural(bad.length, 'tenant ID')} ${bad.map(quote).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not valid`, TENANT_ID_HELP);
        return pass(`${plural(tenants.length, 'allowed tenant')}`);
      }
      if (tenants.length) return fail(`app.allowedTenants lists ${plural(tenants.length, 'tenant')}, but only a ${privateLabel()} has allowed tenants`, `remove app.allowedTenants, or make the app a ${privateLabel()} (the type cannot change once the app is created)`);
      return pass();
    },
  },
  {
    id: 'app.extensions-type', section: 'app', kind: 'auto', source: commerce7('appTypes'),
    title: `Extensions only on a ${appTypeLabel('full-application')}`,
    check: ({ manifest: m }) => {
      const n = list(m.extensions).length;
      if (n === 0) return pass('no extensions');
      if ((EXTENSIONS_ALLOWED_FOR as readonly string[]).includes(m.app?.type)) return pass();
      return fail(`${plural(n, 'extension')}, but the app is of type ${labelOf(m.app?.type)}`, `remove "extensions", or create the app as a ${appTypeLabel('full-application')} (the type cannot change once the app is created)`);
    },
  },
  {
    id: 'app.type-final', section: 'app', kind: 'person', source: commerce7('createApp'),
    title: 'The type is the one you want: it cannot change once the app is created',
    lookAt: ({ manifest: m }) => `app.type is ${labelOf(m.app?.type)}: ${APP_TYPES.find((t) => t.id === m.app?.type)?.description ?? 'not a known type.'} The other types: ${APP_TYPES.filter((t) => t.id !== m.app?.type).map((t) => t.label).join(', ')}.`,
  },
  {
    id: 'app.useful-to-many', section: 'app', kind: 'person', source: commerce7('appReview'),
    applies: ({ manifest: m }) => !needsTenants(m.app?.type),
    title: 'The app is useful to more than one client',
    lookAt: `Commerce7 publishes only apps that serve more than one client. An app for a single client is a ${appTypeLabel('private')} (a new app: the type cannot change) or stays in testing.`,
  },
];
