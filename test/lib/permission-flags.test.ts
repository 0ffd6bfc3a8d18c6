// The permission flags (`new --permissions`, `scopes --add/--set/--remove`) say what is wrong the way validate does.
import assert from 'node:assert/strict';
import { parsePermissionsFlag } from '../../generators/lib/questions/questions.js';
import { applyPermissionEdits } from '../../generators/lib/scopes/permissions.js';

describe('permission flags', () => {
  it('reads ENDPOINT:ACCESS lists, any case', () => {
    assert.deepEqual(parsePermissionsFlag('Order:read, customer:FULL'), [{ endpoint: 'Order', access: 'read' }, { endpoint: 'Customer', access: 'full' }]);
  });
  it('a misspelt endpoint gets a did-you-mean', () => {
    assert.throws(() => parsePermissionsFlag('Custmer:full'), /"Custmer" is not an endpoint.*did you mean "Customer"\?/);
  });
  it('a wrong access blames the access, not the endpoint', () => {
    assert.throws(() => parsePermissionsFlag('Product:write'), (err: Error) => {
      assert.match(err.message, /access/);
      assert.match(err.message, /"write"/);
      assert.match(err.message, /Product:full/);
      assert.doesNotMatch(err.message, /not an endpoint/);
      return true;
    });
  });
  it('a missing access says which two there are', () => {
    assert.throws(() => parsePermissionsFlag('Order'), /"Order:read" or "Order:full"/);
  });
  it('--remove gets a did-you-mean too', () => {
    assert.throws(() => applyPermissionEdits([], { remove: ['Reservaton'] }), /did you mean "Reservation"\?/);
  });
});

describe('tenant IDs', () => {
  it('a pasted admin URL becomes its tenant ID, at the flag and at the prompt', async () => {
    const { QUESTIONS } = await import('../../generators/lib/questions/questions.js');
    const q = QUESTIONS.find((x) => x.name === 'testTenants')!;
    const pasted = 'https://Spectrawinery.admin.platform.commerce7.com/store/orders?x=1, hillside';
    assert.deepEqual(q.flag!.parse!(pasted), ['spectrawinery', 'hillside']);
    assert.equal((q.validate as (s: string) => unknown)(pasted), true);
    assert.deepEqual(q.toValue!(pasted, {} as never), ['spectrawinery', 'hillside']);
  });
  it('another URL is still refused', async () => {
    const { QUESTIONS } = await import('../../generators/lib/questions/questions.js');
    const q = QUESTIONS.find((x) => x.name === 'testTenants')!;
    assert.throws(() => q.flag!.parse!('https://spectrawinery.com'), /is not a tenant ID/);
  });
});
