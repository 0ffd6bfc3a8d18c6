// Webhook objects and actions (platform.md §5).
export const WEBHOOK_OBJECTS = [
  'Allocation', 'Cart', 'Club', 'Club Package', 'Club Membership', 'Collection', 'Customer',
  'Customer Address', 'Customer Credit Card', 'Coupon', 'Group', 'Product', 'Promotion', 'Order',
  'Reservation', 'Tag', 'Transaction Email',
] as const;
export type WebhookObject = (typeof WEBHOOK_OBJECTS)[number];

export const WEBHOOK_ACTIONS = [
  { name: 'Create', description: 'an object was created' },
  { name: 'Update', description: 'an object was changed' },
  { name: 'Bulk Update', description: 'many objects were changed at once (bulk tagging): the payload carries a callbackUrl to page through' },
  { name: 'Delete', description: 'an object was deleted' },
  { name: 'Send', description: 'a transaction email was sent' },
] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number]['name'];
export const WEBHOOK_ACTION_NAMES: readonly WebhookAction[] = WEBHOOK_ACTIONS.map((a) => a.name);

/** The webhook action an API write fires on its object (inferred: Commerce7 documents the actions, not this map). */
export const WEBHOOK_ACTION_OF_WRITE: Readonly<Record<string, WebhookAction>> = { POST: 'Create', PUT: 'Update', DELETE: 'Delete' };

/** Delivery logs spell objects without spaces ("ClubMembership"): map either spelling to the catalog name. */
export function canonicalWebhookObject(value: string): WebhookObject | undefined {
  const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return WEBHOOK_OBJECTS.find((o) => squash(o) === squash(value));
}

/** The API permission that lets an app read the object a webhook delivers (for follow-up calls). */
export const WEBHOOK_OBJECT_PERMISSION: Partial<Record<WebhookObject, string>> = {
  Cart: 'Cart', Club: 'Club', 'Club Package': 'Club Package', 'Club Membership': 'Club Membership',
  Collection: 'Collection', Customer: 'Customer', 'Customer Address': 'Customer Address',
  'Customer Credit Card': 'Customer Credit Card', Coupon: 'Coupon', Product: 'Product',
  Promotion: 'Promotion', Order: 'Order', Reservation: 'Reservation', Tag: 'Tag',
};
