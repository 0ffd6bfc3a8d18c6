// Extension types, their locations and fields (platform.md §5). Full Application only.
export const EXTENSION_TYPES = [
  {
    type: 'Page',
    description: 'A full page in a Commerce7 admin menu, shown in an iframe',
    locations: ['Marketing Menu', 'Store Menu', 'Report Menu', 'POS Menu', 'Reservations Menu', 'Frontend Profile'],
    required: ['icon', 'title', 'iframeUrl'],
    optional: ['iframeHeight'],
    iframe: true,
  },
  {
    type: 'Context Menu',
    description: 'An entry in the "..." menu of a list or detail screen',
    locations: ['Order List', 'Order Detail', 'Cart Detail', 'Product List', 'Product Detail', 'Corporate Order Detail', 'POS Cart Summary'],
    required: ['format', 'icon', 'label', 'url'],
    optional: [],
    iframe: false,
  },
  {
    type: 'Tab Menu',
    description: 'A tab on a detail screen, shown in an iframe',
    locations: ['Order Detail', 'Product Detail'],
    required: ['label', 'iframeUrl'],
    optional: [],
    iframe: true,
  },
  {
    type: 'Report',
    description: 'A report in a Commerce7 report menu, shown in an iframe',
    locations: ['Order Report', 'Finance Report', 'Customer Report', 'Club Report', 'Inventory Report'],
    required: ['icon', 'title', 'iframeUrl'],
    optional: ['iframeHeight'],
    iframe: true,
  },
  {
    type: 'iFrame',
    description: 'A block on the storefront (receipt or customer dashboard), shown in an iframe',
    locations: ['Frontend Receipt Primary', 'Frontend Receipt Secondary', 'Frontend Dashboard Primary', 'Frontend Dashboard Secondary'],
    required: ['title', 'iframeUrl'],
    optional: ['iframeHeight'],
    iframe: true,
  },
  {
    type: 'Card',
    description: 'A card on the order detail screen, filled from JSON your app serves (access by request)',
    locations: ['Order Detail'],
    required: ['url'],
    optional: [],
    iframe: false,
  },
] as const;

export type ExtensionTypeName = (typeof EXTENSION_TYPES)[number]['type'];
export const EXTENSION_TYPE_NAMES: readonly ExtensionTypeName[] = EXTENSION_TYPES.map((e) => e.type);

export const EXTENSION_FIELDS = {
  icon: 'Icon shown beside the entry (one icon serves light and dark mode)',
  title: 'Title shown to staff',
  label: 'Label shown to staff',
  iframeUrl: 'iFrame URL: the page Commerce7 frames (must load commerce7.js)',
  iframeHeight: 'Optional iFrame height in pixels',
  url: 'URL Commerce7 calls (Context Menu: the action/link/modal; Card: the JSON of the card)',
  format: 'Context Menu format: Action (GET, answers JSON), Link (opens a URL) or Modal (opens an iframe)',
} as const;
export type ExtensionField = keyof typeof EXTENSION_FIELDS;

export const CONTEXT_MENU_FORMATS = ['Action', 'Link', 'Modal'] as const;
/** The JSON a Context Menu Action answers: `type` takes one of these. */
export const CONTEXT_MENU_ACTION_RESULT_TYPES = ['error', 'info', 'success'] as const;
/** The JSON a Card answers: `variant` takes one of these or null. */
export const CARD_VARIANTS = ['warning', 'error'] as const;

/** Every iframe page must load this script (it sizes the frame). */
export const COMMERCE7_JS_URL = 'https://dev-center.platform.commerce7.com/v2/commerce7.js';
export const COMMERCE7_CSS_URL = 'https://dev-center.platform.commerce7.com/beta/commerce7.css';
/** Query parameters Commerce7 adds to extension URLs. */
export const EXTENSION_QUERY = { tenant: 'tenantId', staffToken: 'account', storefrontToken: 'appToken', theme: 'adminUITheme' } as const;
export const ADMIN_UI_THEMES = ['light', 'dark'] as const;

export function extensionType(name: ExtensionTypeName) {
  return EXTENSION_TYPES.find((e) => e.type === name)!;
}

/**
 * (inferred) Where Commerce7 frames admin extension pages from: the admin (`<tenant>.admin.platform.commerce7.com`),
 * the POS and the App Development Center all live under commerce7.com. A CSP `frame-ancestors` with these lets
 * Commerce7 frame the page and no one else. Storefront locations are framed by the winery's own website instead.
 */
export const COMMERCE7_FRAME_ANCESTORS = ['https://*.commerce7.com'] as const;
