// Python shapes from the fifteenth development set (issue 12): str Enum members and their `.value`, `*map(str, parts)`
// over a rest parameter, a hand-written SDK whose Resource subclasses set `path` as a class attribute, tuple
// assignment of instances, and the dict and environment `get`s that are not the SDK's `get`.
import assert from 'node:assert/strict';
import { auditSources } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: Awaited<ReturnType<typeof audit>>) => r.references.map((x) => `${x.method} ${x.path}`).sort();

describe('audit engine: Python enums, rest parameters and SDK resource classes', () => {
  it("an Enum member's .value, through a parameter or directly, is the member's value", async () => {
    const r = await audit({ 'api.py': [
      'import os, posixpath, requests',
      'from enum import Enum',
      'C7_BASE = os.environ.get("C7_BASE", "https://api.commerce7.com/v1")',
      'session = requests.Session()',
      'class Endpoint(str, Enum):',
      '    CUSTOMER = "customer"',
      '    NOTE = "note"',
      '    COUPON = "coupon"',
      'def url_for(ep):',
      '    return posixpath.join(C7_BASE, ep.value)',
      'def send(method, ep):',
      '    return session.request(method, url_for(ep))',
      'send("GET", Endpoint.CUSTOMER)',
      'session.post(f"{C7_BASE}/{Endpoint.NOTE.value}")',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer', 'POST /note']);
    assert.deepEqual(r.unresolved, []);
  });

  it('a rest parameter no argument reaches adds no segment; map(str, parts) is the parts', async () => {
    const r = await audit({ 'api.py': [
      'import posixpath, requests',
      'BASE = "https://api.commerce7.com/v1"',
      'def url(resource, *parts):',
      '    return posixpath.join(BASE, resource, *map(str, parts))',
      'def send(method, resource, *parts):',
      '    return requests.request(method, url(resource, *parts))',
      'send("POST", "note")',
      'send("PUT", "tag", "customer", 5)',
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /note', 'PUT /tag/customer/{id}']);
  });

  it("a Resource base class's methods on self.path take the path the subclass sets as a class attribute", async () => {
    const r = await audit({
      'c7sdk/__init__.py': [
        'import os, requests',
        'DEFAULT_BASE = "https://api.commerce7.com/v1"',
        'class Client:',
        '    def __init__(self, tenant, base=None):',
        '        self.base = (base or os.environ.get("C7_BASE") or DEFAULT_BASE).rstrip("/")',
        '        self.http = requests.Session()',
        '        self.http.headers.update({"tenant": tenant})',
        '    def request(self, method, path, **kwargs):',
        '        return self.http.request(method, f"{self.base}/{path}", **kwargs).json()',
      ].join('\n'),
      'c7sdk/resources.py': [
        'class Resource:',
        '    path = ""',
        '    def __init__(self, client):',
        '        self._client = client',
        '    def list(self, **params):',
        '        return self._client.request("GET", self.path, params=params)',
        '    def get(self, obj_id):',
        '        return self._client.request("GET", f"{self.path}/{obj_id}")',
        '    def create(self, body):',
        '        return self._client.request("POST", self.path, json=body)',
        '    def delete(self, obj_id):',
        '        return self._client.request("DELETE", f"{self.path}/{obj_id}")',
        'class Product(Resource):',
        '    path = "product"',
        'class Vendor(Resource):',
        '    path = "vendor"',
        'class Department(Resource):',
        '    path = "department"',
      ].join('\n'),
      'run.py': [
        'from c7sdk import Client',
        'from c7sdk.resources import Department, Product, Vendor',
        'client = Client("t")',
        'def main():',
        '    products, vendors = Product(client), Vendor(client)',
        '    vendor_ids = {v["title"]: v["id"] for v in vendors.list()}',
        '    depts = Department(client).list()',
        '    for row in []:',
        '        products.create({"vendorId": vendor_ids.get(row["vendor"])})',
      ].join('\n'),
    });
    // Not Resource.get for the dict's get, the environment's get or the header set's update; each instance its class's path.
    assert.deepEqual(calls(r), ['GET /department', 'GET /vendor', 'POST /product']);
  });

  it('functools.partial(self.session.request, "GET") kept as a field, a module name or a local: the request with that method', async () => {
    const r = await audit({ 'c7.py': [
      'from functools import partial',
      'import functools',
      'from urllib.parse import urljoin',
      'import requests',
      'session = requests.Session()',
      'delete = functools.partial(session.request, "DELETE")',
      'class C7:',
      '    def __init__(self):',
      '        self.base = "https://api.commerce7.com/v1/"',
      '        self.session = requests.Session()',
      '        self._get = partial(self.session.request, "GET")',
      '        self._put = partial(self.session.request, "PUT")',
      '    def url(self, path):',
      '        return urljoin(self.base, path)',
      '    def departments(self):',
      '        return self._get(self.url("department")).json()["departments"]',
      '    def rename(self, cid, body):',
      '        return self._put(self.url(f"collection/{cid}"), json=body)',
      'def drop(tag_id):',
      '    post = partial(session.request, "POST")',
      '    post("https://api.commerce7.com/v1/note", json={})',
      '    return delete(f"https://api.commerce7.com/v1/tag/{tag_id}")',
      'C7().rename("0e1c6a53-6ad4-4c5f-9d7e-3f1f0b2a4c11", {})',
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /department', 'POST /note', 'PUT /collection/{id}']);
  });
});

describe('audit engine: urllib\u2019s method by its data, and `a if cond else b`', () => {
  it('a helper building Request(url, data=…, method=method): POST where a call gives the data, GET where it does not, the method a call passes first', async () => {
    const r = await audit({
      'c7.py': [
        'import json, os, urllib.request',
        'API = os.environ.get("C7_API", "https://api.commerce7.com/v1")',
        'def _open(path, payload=None, method=None):',
        '    data = json.dumps(payload).encode() if payload is not None else None',
        '    req = urllib.request.Request(API + path, data=data, method=method)',
        '    return urllib.request.urlopen(req)',
        'def _send(path, body=None):',
        '    return urllib.request.urlopen(urllib.request.Request(API + path, data=body))',
        'def locations():',
        '    return _open("/inventory-location")',
        'def adjust(sku, n):',
        '    return _open("/inventory-transaction", payload={"sku": sku, "quantity": n})',
        'def drop(tag_id):',
        '    return _open(f"/tag/{tag_id}", method="DELETE")',
        'def products():',
        '    return _send("/product")',
        'def note(text):',
        '    return _send("/note", body=json.dumps({"content": text}).encode())',
        'def relay(path, payload=None):',
        '    return _open(path, payload)',
        'relay("/club")',
        'relay("/customer", {"firstName": "A"})',
      ].join('\n'),
    });
    assert.deepEqual([...new Set(calls(r))], ['DELETE /tag/{id}', 'GET /club', 'GET /inventory-location', 'GET /product', 'POST /customer', 'POST /inventory-transaction', 'POST /note']);
    // The base is the environment's default: its line is the base of every call, not "a base URL that reaches no call".
    assert.deepEqual(r.unresolved, []);
    assert.ok(r.references.every((x) => x.evidence.pieces.some((p) => p.line === 2)));
  });

  it('kind = "order" if ORDERS else "customer": either value, the condition none', async () => {
    const r = await audit({ 'app.py': [
      'import os, requests',
      'kind = "order" if os.environ.get("ORDERS") == "1" else "customer"',
      'requests.get(f"https://api.commerce7.com/v1/{kind}")',
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer', 'GET /order']);
    assert.deepEqual(r.unknown, []);
  });
});

describe('audit engine: apiron services', () => {
  it('Service.endpoint(…) on a domain of Commerce7: the endpoint\u2019s path, its default_method or the call\u2019s method; not another domain, not an endpoint never called', async () => {
    const r = await audit({
      'services.py': [
        'from apiron import Endpoint, JsonEndpoint, Service',
        'class Commerce7(Service):',
        '    domain = "https://api.commerce7.com"',
        '    clubs = JsonEndpoint(path="/v1/club")',
        '    tag = Endpoint(path="/v1/tag/{tag_id}")',
        '    add_note = JsonEndpoint(path="/v1/note", default_method="POST")',
        '    drop_vendor = JsonEndpoint(path="/v1/vendor/{vendor_id}", default_method="DELETE")',
        'class Square(Service):',
        '    domain = "https://connect.squareup.com"',
        '    cards = JsonEndpoint(path="/v2/gift-cards", default_method="POST")',
      ].join('\n'),
      'job.py': [
        'from services import Commerce7, Square',
        'Commerce7.clubs(params={"page": 1})',
        'Commerce7.add_note(json={"content": "x"})',
        'Commerce7.tag(method="PUT", path_kwargs={"tag_id": "t1"}, json={})',
        'Square.cards(json={})',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /club', 'POST /note', 'PUT /tag/{id}']);
  });
});

describe('audit engine: attribute-style clients', () => {
  it('__getattr__ / __getitem__ growing the path: api.customer[cid].get() is GET /customer/{id}, api.gift_card.post() POST /gift-card, api.order.count.get() unknown', async () => {
    const r = await audit({
      'c7dyn.py': [
        'import os, requests',
        'class Node:',
        '    def __init__(self, api, parts):',
        '        self._api, self._parts = api, parts',
        '    def __getattr__(self, name):',
        '        if name.startswith("_"):',
        '            raise AttributeError(name)',
        '        return Node(self._api, self._parts + [name.replace("_", "-")])',
        '    def __getitem__(self, key):',
        '        return Node(self._api, self._parts + [str(key)])',
        '    def _send(self, verb, **kw):',
        '        return self._api.session.request(verb, "/".join([self._api.base, *self._parts]), **kw).json()',
        '    def get(self, **params):',
        '        return self._send("GET", params=params)',
        '    def post(self, body):',
        '        return self._send("POST", json=body)',
        'class API(Node):',
        '    def __init__(self, tenant):',
        '        self.base = os.environ.get("C7_BASE", "https://api.commerce7.com/v1")',
        '        self.session = requests.Session()',
        '        super().__init__(self, [])',
      ].join('\n'),
      'job.py': [
        'from c7dyn import API',
        'def run(cid):',
        '    api = API("t")',
        '    api.customer[cid].get()',
        '    api.gift_card.post({"code": "X"})',
        '    api.order.count.get()',
        '    stats = {"a": 1}',
        '    stats.get("a")',
      ].join('\n'),
    });
    assert.deepEqual([...new Set(calls(r))], ['GET /customer/{id}', 'GET /order/count', 'POST /gift-card']);
    assert.deepEqual(r.unknown.map((u) => `${u.method} ${u.path}`), ['GET /order/count']);
  });
});
