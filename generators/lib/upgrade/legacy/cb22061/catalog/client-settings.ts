// Client Settings (old name: App Setup Variables), filled in by the client at install (platform.md §5).
export const CLIENT_SETTING_DATA_TYPES = [
  { name: 'String', description: 'one line of text', valueType: 'string', options: false },
  { name: 'TextArea', description: 'several lines of text', valueType: 'string', options: false },
  { name: 'Integer', description: 'a whole number', valueType: 'integer', options: false },
  { name: 'Number', description: 'a number', valueType: 'number', options: false },
  { name: 'HTML', description: 'rich text as HTML', valueType: 'string', options: false },
  { name: 'True / False', description: 'a true/false switch', valueType: 'boolean', options: false },
  { name: 'Yes / No', description: 'a yes/no switch', valueType: 'boolean', options: false },
  { name: 'Radio', description: 'one of a list of options (radio buttons)', valueType: 'string', options: true },
  { name: 'Checkbox', description: 'any of a list of options (checkboxes)', valueType: 'string[]', options: true },
  { name: 'Select', description: 'one of a list of options (drop-down)', valueType: 'string', options: true },
  { name: 'Date Picker', description: 'a date', valueType: 'date', options: false },
] as const;

export type ClientSettingDataType = (typeof CLIENT_SETTING_DATA_TYPES)[number]['name'];
export const CLIENT_SETTING_DATA_TYPE_NAMES: readonly ClientSettingDataType[] = CLIENT_SETTING_DATA_TYPES.map((d) => d.name);
/** Data types whose values come from a list of options the developer defines. */
export const DATA_TYPES_WITH_OPTIONS: readonly ClientSettingDataType[] = CLIENT_SETTING_DATA_TYPES.filter((d) => d.options).map((d) => d.name);

/** A code names the setting's key in the install body; it cannot be edited after creation (inferred: an identifier). */
export const CLIENT_SETTING_CODE_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$';

export function dataTypeInfo(name: ClientSettingDataType) {
  return CLIENT_SETTING_DATA_TYPES.find((d) => d.name === name)!;
}
