import assert from 'node:assert/strict';
import {
  APP_TYPE_IDS, canonicalPermission, canonicalWebhookObject, EXTENSION_TYPES, normalizeApiPath, PERMISSION_ALIASES,
  PERMISSION_NAMES, PERMISSIONS, resolveApiCall, slugify, titleProblems, type PathResolution,
} from '../../generators/lib/catalog/index.js';

const needs = (r: PathResolution) => (r.kind === 'permission' ? r.needs.map((n) => `${n.permission}:${n.access}`) : r.kind);

describe('catalog', () => {
  it('has the 29 permissions in the App Development Center order, each described', () => {
    assert.equal(PERMISSIONS.length, 29);
    assert.equal(PERMISSION_NAMES[0], 'Cart');
    assert.equal(PERMISSION_NAMES[28], 'WebHook');
    for (const p of PERMISSIONS) assert.ok(p.description.length > 5, p.name);
    assert.equal(new Set(PERMISSION_NAMES).size, 29);
  });

  it('maps every old spelling to a current name', () => {
    for (const [alias, current] of Object.entries(PERMISSION_ALIASES)) {
      assert.ok(PERMISSION_NAMES.includes(current), alias);
      assert.equal(canonicalPermission(alias), current);
    }
    assert.equal(canonicalPermission('Club Packages (including Subscriptions)'), 'Club Package');
    assert.equal(canonicalPermission('Order'), 'Order');
    assert.equal(canonicalPermission('Orders'), undefined);
  });

  describe('path map', () => {
    const cases: Array<[string, string, string[] | string]> = [
      ['GET', '/customer/9/address', ['Customer Address:read']],
      // Placeholders of other languages and tools are ids: Ruby's #{id} (not a URL fragment), Postman's {{orderId}},
      // Express-style :id.
      ['GET', '/customer/#{id}/address', ['Customer Address:read']],
      ['PUT', '/coupon/#{coupon.id}', ['Coupon:full']],
      ['GET', '/order/{{orderId}}', ['Order:read']],
      ['DELETE', '/customer/:customerId/credit-card/:id', ['Customer Credit Card:full']],
      ['POST', '/tag-x-object/customer', ['Tag:full']],
      ['PUT', '/order/upsert', ['Order:full']],
      ['GET', '/account/user', 'none'],
      ['GET', '/loyalty-tier', 'unknown'],
      ['GET', '/customer', ['Customer:read']],
      ['GET', '/customer/abc-123', ['Customer:read']],
      ['PUT', '/customer/abc-123', ['Customer:full']],
      ['DELETE', '/customer/9/credit-card/3', ['Customer Credit Card:full']],
      ['POST', '/customer-address', ['Customer:full', 'Customer Address:full']],
      ['GET', '/customer-address', ['Customer Address:read']],
      ['GET', '/club-membership/1', ['Club Membership:read']],
      ['POST', '/club', ['Club:full']],
      ['GET', '/inventory-location/4', ['Inventory:read']],
      ['POST', '/inventory-transaction', ['Inventory:full']],
      ['GET', '/meta-data-config/customer', ['MetaData Config:read']],
      ['PUT', '/order-number', ['Order:full']],
      ['POST', '/order/5/fulfillment/all', ['Order:full']],
      ['DELETE', '/order/5/fulfillment/8', ['Order:full']],
      ['DELETE', '/tag-x-object/order/1/2', ['Tag:full']],
      ['GET', '/tag/reservation', ['Tag:read']],
      ['GET', '/tag/unicorn', 'unknown'],
      ['GET', '/setting', ['Setting:read']],
      ['GET', '/setting/for-web', 'none'],
      ['PUT', '/setting', 'unknown'],
      ['POST', '/app-sync', 'none'],
      ['GET', '/app-syncs/77', 'none'],
      ['GET', '/web-hook-log', ['WebHook:read']],
      ['POST', '/web-hook', ['WebHook:full']],
      ['GET', '/customer/1/allocation/for-web', 'unknown'],
      ['GET', '/trash', 'unknown'],
      ['GET', '/tax/rates', 'unknown'],
      ['POST', '/promotion-set-x-promotion', ['Promotion Set:full']],
      ['GET', '/reservation-type/3', ['Reservation:read']],
      ['GET', 'https://api.commerce7.com/v1/order?orderPaidDate=btw:2024-01-01|2024-01-31', ['Order:read']],
      ['get', '/v1/product/', ['Product:read']],
      ['GET', '/nothing-here', 'unknown'],
    ];
    for (const [method, path, expected] of cases) {
      it(`${method} ${path} -> ${Array.isArray(expected) ? expected.join(' + ') : expected}`, () => {
        assert.deepEqual(needs(resolveApiCall(method, path)), expected);
      });
    }
    it('says why a path is unknown', () => {
      const r = resolveApiCall('GET', '/loyalty-tier');
      assert.equal(r.kind, 'unknown');
      assert.match((r as { why: string }).why, /loyalty/);
    });
    it('marks inferred rules', () => {
      const r = resolveApiCall('GET', '/wine-varietal');
      assert.equal(r.kind, 'permission');
      assert.equal((r as { inferred: boolean }).inferred, true);
      assert.equal((resolveApiCall('GET', '/order') as { inferred: boolean }).inferred, false);
    });
    it('normalizes URLs to API paths', () => {
      assert.equal(normalizeApiPath('https://api.commerce7.com/v1/customer/?cursor=start'), '/customer');
      assert.equal(normalizeApiPath('/v1'), '/');
    });
  });

  it('knows three app types', () => assert.deepEqual(APP_TYPE_IDS, ['integration', 'private', 'full-application']));
  it('gives each extension type locations and required fields', () => {
    assert.equal(EXTENSION_TYPES.length, 6);
    for (const e of EXTENSION_TYPES) assert.ok(e.locations.length > 0 && e.required.length > 0, e.type);
  });
  it('accepts webhook objects spelled without spaces', () => {
    assert.equal(canonicalWebhookObject('ClubMembership'), 'Club Membership');
    assert.equal(canonicalWebhookObject('Nope'), undefined);
  });
  it('proposes slugs and checks titles', () => {
    assert.equal(slugify('Acme Order Sync!'), 'acme-order-sync');
    assert.equal(slugify('  Élan Vital  '), 'elan-vital');
    assert.deepEqual(titleProblems('Cellar Ledger'), []);
    assert.ok(titleProblems('Cellar Ledger App').some((p) => p.includes('"App"')));
    assert.ok(titleProblems('Commerce7 Sync').some((p) => p.includes('Commerce7')));
    assert.ok(titleProblems('Commerce 7 Sync').length > 0);
    assert.ok(titleProblems('The best way to sync all of your orders').some((p) => p.includes('couple of words')));
  });
});
