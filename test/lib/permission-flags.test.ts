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
