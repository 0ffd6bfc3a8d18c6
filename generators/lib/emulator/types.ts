// Shared shapes of the local Commerce7 emulator.
import type { Manifest } from '../manifest/types.js';

/** One stored object (a customer, an order, …). Every row has a string id. */
export type Row = { id: string } & Record<string, unknown>;

/** A data set: list key (as in the list envelopes: "customers", "orders", …) -> rows. */
export type SeedData = Record<string, Row[]>;

/** A staff user, as `GET /account/user` returns it. */
export interface StaffUser { id: string; firstName: string; lastName: string; email: string; role: string }

/** One line of the request log. Never holds the Authorization header or a secret. */
export interface RequestLogEntry {
  time: string;
  method: string;
  /** Path and query as requested, e.g. "/v1/customer?cursor=start". */
  path: string;
  tenant: string | undefined;
  status: number;
  /** What the call needed: "Customer:read", "none", "unknown", "control" (the emulator's own control API). */
  permission: string;
  ms: number;
}

export interface EmulatorOptions {
  /** The app's manifest: a parsed Manifest or the path of c7-app.json. */
  manifest: Manifest | string;
  /** Default: the manifest's app.id. */
  appId?: string;
  /** Default: the C7_APP_SECRET environment variable. */
  appSecret?: string;
  /** Tenants that have the app installed at start. Default: the manifest's app.testTenants, or ["demo-winery"]. */
  tenants?: string[];
  /** The data every tenant starts from: a SeedData object or the path of a JSON seed file. Default: the bundled winery. */
  seed?: SeedData | string;
  /** TCP port on 127.0.0.1; 0 (the default here) picks a free one. */
  port?: number;
  /** 100 requests a minute per tenant (true, the default) or off. */
  rateLimit?: boolean;
  /**
   * A customer created (or changed) with an email another customer already has: Commerce7's answer is not
   * documented. 'reject' (the default) answers 422 validationError on emails.email; 'allow' stores it.
   */
  duplicateEmails?: 'reject' | 'allow';
  /** Called once per request. Default: no logging. */
  log?: (entry: RequestLogEntry) => void;
  /** Clock in ms (for tests of the rate limit). Default: Date.now. */
  now?: () => number;
  /**
   * Where the app runs, to deliver the manifest's webhooks when the app itself writes through the API, as Commerce7
   * does (`user` is the App ID: the app must ignore these self-caused events). Default: none (set later with
   * deliverWebhooksTo).
   */
  deliverWebhooks?: WebhookDelivery;
}

export interface WebhookDelivery {
  /** e.g. "http://127.0.0.1:3000": the manifest's webhook paths are joined to it. */
  appUrl: string;
  /** The Basic-auth password Commerce7 sends to webhooks marked basicAuth. Default: C7_BASIC_AUTH_PASSWORD. */
  basicAuthPassword?: string;
  /** Told of each delivery (its HTTP status, or the error). */
  log?: (line: string) => void;
}

/** The emulator's state controls that the app-facing calls use (install, tokens, payloads). In-process or remote. */
export interface EmulatorControl {
  /** The API base URL, e.g. "http://127.0.0.1:7070/v1". */
  readonly url: string;
  install(tenant: string): void | Promise<void>;
  uninstall(tenant: string): void | Promise<void>;
  issueStaffToken(tenant: string, user?: Partial<StaffUser>): string | Promise<string>;
  webhookPayload(tenant: string, object: string, action: string, opts?: WebhookPayloadOptions): Record<string, unknown> | Promise<Record<string, unknown>>;
  extensionContext(tenant: string, location: string): Record<string, string> | Promise<Record<string, string>>;
}

export interface WebhookPayloadOptions {
  /** The id of the object to deliver (default: the first one). */
  id?: string;
  /** Bulk Update: how many objects to tag (default 75, so the callback list has two cursor pages). */
  count?: number;
}
