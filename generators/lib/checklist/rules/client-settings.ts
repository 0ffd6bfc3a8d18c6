// Client Settings: their values arrive in the install call (platform.md §5).
import { commerce7, fail, isBlank, list, pass, plural, type Rule } from '../rule.js';

const hasSettings = ({ manifest: m }: { manifest: { clientSettings?: unknown[] } }) => list(m.clientSettings).length > 0;

export const clientSettingRules: Rule[] = [
  {
    id: 'client-settings.install-url', section: 'client-settings', kind: 'auto', source: commerce7('clientSettings'), applies: hasSettings,
    title: 'Client settings have an Install URL to arrive at',
    check: ({ manifest: m }) => (isBlank(m.installation?.installUrl)
      ? fail(`${plural(list(m.clientSettings).length, 'client setting')}, but no installation.installUrl: their values are sent only in the install call`, 'set installation.installUrl (e.g. "/commerce7/install")')
      : pass()),
  },
  {
    id: 'client-settings.codes', section: 'client-settings', kind: 'person', source: commerce7('clientSettings'), applies: hasSettings,
    title: 'Each client setting\u2019s code is final: it cannot be edited after creation',
    lookAt: ({ manifest: m }) => `the codes ${list(m.clientSettings).map((s) => `"${s.code}"`).join(', ')}: each is the key of its value in the install body your code reads.`,
  },
];
