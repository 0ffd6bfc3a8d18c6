// How the Commerce7 REST API is called (platform.md §4).
export const API_BASE_URL = 'https://api.commerce7.com/v1';
export const TENANT_HEADER = 'tenant';
export const PAGE_LIMIT_MAX = 50;
/** Past this page an endpoint is throttled to one request a minute: use the cursor instead. */
export const PAGE_THROTTLE_AFTER = 100;
export const RATE_LIMIT_PER_MINUTE = 100;
export const CURSOR_START = 'start';

/** List endpoints that offer cursor pagination (not rate limited, the recommended way to sync). */
export const CURSOR_ENDPOINTS = ['/cart', '/club-membership', '/customer', '/customer-address', '/note', '/order', '/product', '/reservation', '/trash'] as const;

export const FILTER_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'btw', 'in'] as const;

/** List envelope keys: `{ "<pluralCamelCase>": [...], "total": n }`. */
export const LIST_KEYS: Readonly<Record<string, string>> = {
  '/cart': 'carts', '/club': 'clubs', '/club-membership': 'clubMemberships', '/club-package': 'clubPackages',
  '/collection': 'collections', '/coupon': 'coupons', '/customer': 'customers', '/customer-address': 'customerAddresses',
  '/department': 'departments', '/gift-card': 'giftCards', '/inventory': 'inventory', '/note': 'notes', '/order': 'orders',
  '/product': 'products', '/promotion': 'promotions', '/reservation': 'reservations', '/reservation-type': 'reservationTypes',
  '/shipping': 'shipping', '/vendor': 'vendors', '/web-hook': 'webHooks', '/tag': 'tags',
};

/** Error types seen in Commerce7's error envelope. */
export const ERROR_TYPES = { 400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 422: 'validationError', 429: 'tooManyRequests', 500: 'serverError' } as const;

export interface Commerce7Error {
  statusCode: number;
  type: string;
  message: string;
  errors: Array<{ field?: string; message: string }>;
}

/**
 * Install and uninstall (platform.md §5): an app keeps an uninstalled tenant's record (soft delete) and purges its
 * data later. Commerce7 does not document the delay; a third-party source states a 30-day deletion rule.
 */
export const UNINSTALLED_PURGE_AFTER_DAYS = 30;

/** Staff tokens from extension URLs are checked here, raw (no "Bearer"), with the tenant header. */
export const ACCOUNT_USER_PATH = '/account/user';

/** Environment variables the generated app and our tools read. Secrets live only here, never in c7-app.json. */
export const ENV_VARS = {
  appId: { name: 'C7_APP_ID', secret: false, description: 'The App ID (the app\u2019s slug in the App Development Center)' },
  appSecret: { name: 'C7_APP_SECRET', secret: true, description: 'The App Secret Key you chose when creating the app (shown once; can be regenerated)' },
  basicAuthPassword: { name: 'C7_BASIC_AUTH_PASSWORD', secret: true, description: 'Password Commerce7 sends with Basic auth on install, uninstall and webhook calls' },
  apiBaseUrl: { name: 'C7_API_BASE_URL', secret: false, description: `Commerce7 API base URL (${API_BASE_URL}; the emulator\u2019s URL in development)` },
} as const;

// --- Used by the local emulator (`c7-app emulate`) -------------------------------------------------------------

/** The rate-limit window of RATE_LIMIT_PER_MINUTE. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** App Sync (platform.md §5): `POST /app-sync` sets the app's processing status shown on an object. */
export const APP_SYNC_PATH = '/app-sync';
export const APP_SYNC_STATUSES = ['Error', 'Success'] as const;
/** `GET /app-syncs/{objectId}` (inferred list key: the docs do not show the response). */
export const APP_SYNC_LIST = { path: '/app-syncs', listKey: 'appSyncs' } as const;

/** The list path a webhook object's payload is read from (inferred: the webhook delivers the API's object). */
export const WEBHOOK_OBJECT_PATHS: Readonly<Record<string, string>> = {
  Cart: '/cart', Club: '/club', 'Club Package': '/club-package', 'Club Membership': '/club-membership',
  Collection: '/collection', Customer: '/customer', 'Customer Address': '/customer-address', Coupon: '/coupon',
  Product: '/product', Promotion: '/promotion', Order: '/order', Reservation: '/reservation', Tag: '/tag',
};

/** Extension locations showing one record, and the query parameter carrying its id ("context such as orderId"; inferred). */
export const EXTENSION_CONTEXT: Readonly<Record<string, { param: string; path: string }>> = {
  'Order Detail': { param: 'orderId', path: '/order' },
  'Corporate Order Detail': { param: 'orderId', path: '/order' },
  'Product Detail': { param: 'productId', path: '/product' },
  'Cart Detail': { param: 'cartId', path: '/cart' },
  'POS Cart Summary': { param: 'cartId', path: '/cart' },
};

/** Storefront extension locations: their URL carries `appToken` instead of the staff `account` token. */
export const STOREFRONT_EXTENSION_LOCATIONS: readonly string[] = [
  'Frontend Profile', 'Frontend Receipt Primary', 'Frontend Receipt Secondary', 'Frontend Dashboard Primary', 'Frontend Dashboard Secondary',
];

/** Staff roles the guides name: installing an app needs Admin Owner; a developer testing on a tenant is a Partner. */
export const STAFF_ROLES = { adminOwner: 'Admin Owner', partner: 'Partner' } as const;

/** The fields `GET /account/user` returns for a valid staff token. */
export const ACCOUNT_USER_FIELDS = ['id', 'firstName', 'lastName', 'email', 'role'] as const;
