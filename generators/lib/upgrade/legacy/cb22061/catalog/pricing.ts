// Pricing models of the Installation step (platform.md §6).
export const PRICING_MODELS = [
  { name: 'Flat monthly price', description: 'Commerce7 bills the client monthly, keeps 20% and pays you; $0.00 is free. Fixed once published.' },
  { name: 'Custom pricing', description: 'You bill the client yourself; no price is shown in the App Store.' },
] as const;
export type PricingModel = (typeof PRICING_MODELS)[number]['name'];
export const PRICING_MODEL_NAMES: readonly PricingModel[] = PRICING_MODELS.map((p) => p.name);
/** Commerce7's share of a flat monthly price. */
export const COMMERCE7_REVENUE_SHARE = 0.2;
