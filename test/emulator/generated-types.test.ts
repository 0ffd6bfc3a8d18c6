// The generated app's types of Commerce7 objects (src/commerce7/objects.generated.ts, rendered from the catalog's
// schemas) are real and honest: a generated project's code that reads the emulator's seeded and created objects
// through them type-checks (tsc over the whole project, the typed client and a typed webhook handler included), reads
// that skip a check Commerce7's data needs do not (optional where Commerce7 leaves a field out, nullable where it
// sends null: @ts-expect-error), and the compiled code runs over the seed. Installs the generated projects'
// dependencies once (test/support/generated-deps.ts; C7_GENERATED_ROOT keeps them between runs).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OBJECTS } from '../../generators/lib/catalog/objects.js';
import { readableObjects, renderObjectsModule, typeNameOf } from '../../generators/lib/render/objects-module.js';
import { buildWinerySeed, startEmulator } from '../../generators/lib/emulator/index.js';
import { renderProject, projectContext } from '../support/render-project.js';
import { run, sharedProjectRoot, tail } from '../support/generated-deps.js';
import { allPermissionsManifest, call, SECRET } from './helpers.js';

const READER = `// Reads the emulator's objects through the generated types (written by generator-c7-app's test).
import { readFileSync } from 'node:fs';
import type { TenantClient } from './commerce7/client.js';
import type { ClubMembership, Customer, Order, Product, Reservation } from './commerce7/objects.generated.js';
import { defineWebhookHandler } from './webhooks/types.js';

interface Seed { orders: Order[]; customers: Customer[]; products: Product[]; clubMemberships: ClubMembership[]; reservations: Reservation[] }
const seed = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Seed;
const created = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as { customer: Customer; order: Order };
const orders = [...seed.orders, created.order];

const revenue = orders.reduce((s, o) => s + o.total, 0);
const ips = orders.map((o) => o.connectionInformation?.customerIpAddress ?? null).filter((ip): ip is string => ip !== null);
const taxRates = orders.flatMap((o) => o.taxes.map((t) => t.wine));
const brands = orders.flatMap((o) => o.tenders).map((t) => t.creditCard?.cardBrand ?? t.tenderType);
const zips = orders.filter((o) => o.orderDeliveryMethod === 'Ship').map((o) => o.shipTo?.zipCode ?? '');
const emails = [...seed.customers, created.customer].flatMap((c) => c.emails.map((e) => \`\${e.email}:\${e.status ?? 'no status'}\`));
const lifetime = seed.customers.reduce((s, c) => s + c.orderInformation.lifetimeValue, 0);
const active = seed.clubMemberships.filter((m) => m.status === 'Active').map((m) => m.club.title);
const booked = seed.reservations.filter((r) => r.status !== 'Cancelled').reduce((s, r) => s + r.guestCount, 0);
const skus = seed.products.flatMap((p) => p.variants.map((v) => v.sku));

// Honest types: each read below skips a check Commerce7's data needs, so it must not compile.
// @ts-expect-error shippingStatus: the documented order leaves it out
const shipping: string = orders[0]!.shippingStatus;
// @ts-expect-error orderPaidDate may be null
const paid: string = orders[0]!.orderPaidDate;
// @ts-expect-error emailMarketingStatus may be null
const marketing: string = seed.customers[0]!.emailMarketingStatus;
// @ts-expect-error not a field of an order
const typo = orders[0]!.totl;
// @ts-expect-error not a payment status Commerce7 has
const unpaid: Order['paymentStatus'] = 'Unpaid';
void [shipping, paid, marketing, typo, unpaid];

/** The typed client: list('/order') yields Orders, get('/order/\${id}') answers one. */
export async function orderTotals(c7: TenantClient, id: string): Promise<number> {
  let sum = 0;
  for await (const order of c7.list('/order')) sum += order.total;
  const one = await c7.get(\`/order/\${id}\`);
  return sum + one.subTotal;
}

/** A webhook handler reads its payload as the object it is. */
export const onOrder = defineWebhookHandler<'Order', 'Create'>((event) => {
  event.log.info({ total: event.payload.total, items: event.payload.items.length }, 'order');
});

console.log(JSON.stringify({ orders: orders.length, revenue, ips: ips.length, taxRates: taxRates.length, brands: brands.length, zips: zips.length, emails: emails.length, lifetime, active: active.length, booked, skus: skus.length }));
`;

describe('generated app: Commerce7 objects typed from the catalog', () => {
  it('renders a type per object the permissions can read, and only those', () => {
    const ctx = projectContext({ ...allPermissionsManifest(), permissions: [{ endpoint: 'Order', access: 'read', reason: 'reads orders' }] });
    const text = renderObjectsModule(ctx);
    assert.match(text, /export interface Order \{/);
    assert.doesNotMatch(text, /export interface Customer \{/, 'Customer is not readable with Order alone');
    assert.match(text, /orderPaidDate: string \| null;/);
    assert.match(text, /shippingStatus\?: 'Not Tracked' \| 'Pending' \| 'In Transit' \| 'Delivered';/);
    assert.equal(readableObjects(allPermissionsManifest().permissions).length, OBJECTS.filter((o) => o.listPath !== '/trash').length, 'all but /trash (no documented permission)');
    assert.equal(typeNameOf('/club-membership'), 'ClubMembership');
  });

  it('a project\u2019s code that reads the seeded and created objects through the types compiles, and runs over the seed', async function () {
    this.timeout(15 * 60_000);
    const manifest = allPermissionsManifest();
    const { root } = await sharedProjectRoot(manifest);
    const dir = mkdtempSync(path.join(root, 'types-'));
    renderProject(manifest, dir);
    const seed = buildWinerySeed();
    writeFileSync(path.join(dir, 'seed.json'), JSON.stringify(seed));
    const emu = await startEmulator({ manifest, appSecret: SECRET, rateLimit: false, tenants: ['demo-winery'] });
    try {
      const customer = await call(emu.url, '/customer', { method: 'POST', body: { firstName: 'Ada', lastName: 'Lovelace', emails: [{ email: 'ada@example.com' }] } }, emu.appId);
      const product = seed.products![0]!;
      const variant = (product.variants as Array<{ id: string; price: number }>)[0]!;
      const order = await call(emu.url, '/order', { method: 'POST', body: { channel: 'Web', customerId: customer.json.id, items: [{ productId: product.id, productVariantId: variant.id, quantity: 1, price: variant.price }] } }, emu.appId);
      assert.equal(order.status, 200, JSON.stringify(order.json));
      writeFileSync(path.join(dir, 'created.json'), JSON.stringify({ customer: customer.json, order: order.json }));
    } finally {
      await emu.stop();
    }
    writeFileSync(path.join(dir, 'src', 'read-seed.ts'), READER);
    const tsc = await run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', dir], dir);
    assert.equal(tsc.code, 0, `tsc over the generated project:\n${tail(tsc.out)}`);
    const ran = await run(process.execPath, ['--import', 'tsx', path.join(dir, 'src', 'read-seed.ts'), path.join(dir, 'seed.json'), path.join(dir, 'created.json')], dir);
    assert.equal(ran.code, 0, tail(ran.out));
    const got = JSON.parse(ran.out.trim().split('\n').at(-1)!) as Record<string, number>;
    const orders = seed.orders!;
    assert.equal(got.orders, orders.length + 1);
    assert.equal(got.lifetime, seed.customers!.reduce((s, c) => s + (c.orderInformation as { lifetimeValue: number }).lifetimeValue, 0));
    assert.ok(got.ips! > 0 && got.zips! > 0 && got.skus! > 0 && got.active! > 0 && got.booked! > 0, JSON.stringify(got));
    assert.ok(readFileSync(path.join(dir, 'src', 'commerce7', 'objects.generated.ts'), 'utf8').includes('export interface ClubMembership {'));
  });
});
