// The checklist's sections, in the order a developer works through the App Development Center.
import { ADC_STEPS, appTypeLabel } from '../catalog/index.js';
import type { SectionId } from './types.js';

export const SECTIONS: ReadonlyArray<{ id: SectionId; title: string }> = [
  { id: 'app', title: 'Create the app' },
  { id: 'secrets', title: 'Keep the secrets out of git' },
  { id: 'api', title: `API access (${ADC_STEPS.apisAndWebhooks})` },
  { id: 'webhooks', title: `Webhooks (${ADC_STEPS.apisAndWebhooks})` },
  { id: 'client-settings', title: 'Client settings' },
  { id: 'extensions', title: `Extensions (${appTypeLabel('full-application')} only)` },
  { id: 'installation', title: 'Installation' },
  { id: 'pricing', title: `Pricing (in ${ADC_STEPS.installation})` },
  { id: 'listing', title: `Listing (${ADC_STEPS.createListing})` },
  { id: 'test', title: `Test with a test tenant (${ADC_STEPS.testYourApp})` },
  { id: 'submit', title: 'Submit' },
  { id: 'data-role', title: 'Switch from the Data role' },
];

export function sectionTitle(id: SectionId): string {
  return SECTIONS.find((s) => s.id === id)!.title;
}
