// General mechanisms from heldout6/8/9's Ruby, shell and Python misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine 11rb: shell words', () => {
  it('${v:+--data "$v"} (an alternate value) is the words it expands to: the URL after it is still read', async () => {
    const r = await audit({ 'c7.sh': [
      `c7() {`,
      `  local verb=$1 where=$2 json=\${3:-}`,
      `  curl -fsS -X "$verb" \${json:+--data "$json"} "$C7_API_URL/$where"`,
      `}`,
      `c7 DELETE "tag/$1"`,
      `c7 POST note '{"content":"hi"}'`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'POST /note']);
    const r2 = await audit({ 'sync.sh': [
      `send() {`,
      `  curl -s \${TOKEN+-H "Authorization: $TOKEN"} \${BODY:+-d "$BODY"} "https://api.commerce7.com/v1/$1"`,
      `}`,
      `BODY='{"a":1}' send coupon`,
    ].join('\n') });
    assert.deepEqual(calls(r2), ['POST /coupon']);
  });

  it('curl --config - / -K - reads its options from a here-document or here-string: url, request, data', async () => {
    const r = await audit({ 'push.sh': [
      `api() {`,
      `  local m=$1 p=$2`,
      `  curl -s --config - <<CFG`,
      `url = "\${C7_ROOT}/\${p}"`,
      `request = "\${m}"`,
      `header = "tenant: acme"`,
      `CFG`,
      `}`,
      `C7_ROOT=https://api.commerce7.com/v1`,
      `api PUT "club/$id"`,
      `api GET department`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /department', 'PUT /club/{id}']);
    const r2 = await audit({ 'note.sh': [
      `curl -sS -K - <<< "url=https://api.commerce7.com/v1/note`,
      `data = {\\"x\\":1}"`,
    ].join('\n') });
    assert.deepEqual(calls(r2), ['POST /note']);
  });

  it('a config read from a file curl is not given (-K other.conf) is not taken for a here-document', async () => {
    const r = await audit({ 'x.sh': [
      `cat <<EOF`,
      `url = "https://api.commerce7.com/v1/order"`,
      `EOF`,
      `curl -K settings.conf "https://example.com/ping"`,
    ].join('\n') });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine 11rb: Python request objects', () => {
  it('Tornado\'s HTTPRequest(url, method=…) sent by AsyncHTTPClient().fetch(req): the method the helper\'s caller names', async () => {
    const r = await audit({ 'c7.py': [
      `from tornado.httpclient import AsyncHTTPClient, HTTPRequest`,
      `API = "https://api.commerce7.com/v1"`,
      `async def call(path, verb="GET", data=None):`,
      `    req = HTTPRequest(API + path, method=verb, body=data)`,
      `    return await AsyncHTTPClient().fetch(req)`,
      `async def job():`,
      `    await call("/club")`,
      `    await call("/club-membership", verb="POST", data="{}")`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'POST /club-membership']);
    const r2 = await audit({ 'c7.py': [
      `import tornado.httpclient`,
      `async def drop(id):`,
      `    http = tornado.httpclient.AsyncHTTPClient()`,
      `    await http.fetch(tornado.httpclient.HTTPRequest(f"https://api.commerce7.com/v1/coupon/{id}", "DELETE"))`,
    ].join('\n') });
    assert.deepEqual(calls(r2), ['DELETE /coupon/{id}']);
  });
});

describe('audit engine 11rb: a shell command\'s own environment', () => {
  it('METHOD=POST req x: the helper reading $METHOD sends POST for that call only', async () => {
    const r = await audit({ 'c7.sh': [
      `req() { curl -s -X "$METHOD" "$C7_API/$1"; }`,
      `METHOD=POST req note`,
      `METHOD=PUT req "tag/1"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /note', 'PUT /tag/{id}']);
    const r2 = await audit({
      'lib.sh': `c7() {\n  curl -fsS --request "\${VERB:-GET}" -H "tenant: $T" "https://api.commerce7.com/v1/\${RES}"\n}\n`,
      'run.sh': `. ./lib.sh\nVERB=DELETE RES="coupon/$id" c7\nRES=vendor c7\n`,
    });
    assert.deepEqual(calls(r2), ['DELETE /coupon/{id}', 'GET /vendor']);
  });
});

describe('audit engine 11rb: Ruby request classes handed to a helper', () => {
  it('a Thor task file (.thor) is Ruby; verb.new(uri) with callers passing Net::HTTP::Post is a POST, sent by persistent.request(uri, req)', async () => {
    const r = await audit({ 'lib/tasks/clubs.thor': [
      `class Clubs < Thor`,
      `  ROOT = URI("https://api.commerce7.com/v1/")`,
      `  desc "add", "add"`,
      `  def add(name) = call(Net::HTTP::Post, "club", { title: name })`,
      `  desc "all", "all"`,
      `  def all = call(Net::HTTP::Get, "club")`,
      `  no_commands do`,
      `    def call(verb, path, body = nil)`,
      `      uri = ROOT + path`,
      `      req = verb.new(uri)`,
      `      @http.request(uri, req)`,
      `    end`,
      `  end`,
      `end`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'POST /club']);
  });

  it('a Rakefile is Ruby; klass.new(url) in a Net::HTTP.start block: the class each caller passes', async () => {
    const r = await audit({ 'Rakefile': [
      `require "net/http"`,
      `C7 = "https://api.commerce7.com/v1"`,
      `def c7(klass, path)`,
      `  uri = URI("#{C7}/#{path}")`,
      `  Net::HTTP.start(uri.host, uri.port, use_ssl: true) do |h|`,
      `    h.request(klass.new(uri))`,
      `  end`,
      `end`,
      `task :prune do`,
      `  c7(Net::HTTP::Delete, "vendor/#{ENV['ID']}")`,
      `  c7(Net::HTTP::Get, "department")`,
      `end`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /department']);
  });
});

describe('audit engine 11rb: Ruby class settings (ActiveResource-style)', () => {
  it('self.collection_path = "x" in each subclass: Sub.find / Sub.create use that subclass\'s path, with the verb passed on', async () => {
    const r = await audit({
      'lib/c7/base.rb': [
        `module C7`,
        `  class Base`,
        `    ROOT = "https://api.commerce7.com/v1"`,
        `    class << self`,
        `      attr_accessor :collection_path`,
        `      def find(id) = call(:get, "#{collection_path}/#{id}")`,
        `      def create(attrs) = call(:post, collection_path, attrs)`,
        `      def call(verb, path, body = nil)`,
        `        HTTP.basic_auth(user: "u", pass: "p").request(verb.to_s.upcase, "#{ROOT}/#{path}", json: body)`,
        `      end`,
        `    end`,
        `  end`,
        `end`,
      ].join('\n'),
      'lib/c7/models.rb': [
        `module C7`,
        `  class Vendor < Base`,
        `    self.collection_path = "vendor"`,
        `  end`,
        `  class Coupon < Base`,
        `    self.collection_path = "coupon"`,
        `  end`,
        `  class Department < Base`,
        `    self.collection_path = "department"`,
        `  end`,
        `end`,
      ].join('\n'),
      'jobs/sync.rb': [
        `class Sync`,
        `  def perform(id)`,
        `    v = C7::Vendor.find(id)`,
        `    C7::Coupon.create(code: v["code"])`,
        `  end`,
        `end`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /vendor/{id}', 'POST /coupon']);
  });

  it('a setting named otherwise (self.resource = …) read as self.resource, sent by Net::HTTP request classes', async () => {
    const r = await audit({ 'c7.rb': [
      `class Api`,
      `  BASE = "https://api.commerce7.com/v1"`,
      `  def self.all = Net::HTTP.get_response(URI("#{BASE}/#{self.resource}"))`,
      `  def self.destroy(id)`,
      `    uri = URI("#{BASE}/#{self.resource}/#{id}")`,
      `    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(Net::HTTP::Delete.new(uri)) }`,
      `  end`,
      `end`,
      `class Tag < Api`,
      `  self.resource = "tag"`,
      `end`,
      `class Club < Api`,
      `  self.resource = "club"`,
      `end`,
      `Tag.destroy(ARGV[0])`,
      `Club.all`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /club']);
  });
});

describe('audit engine 11rb: curb', () => {
  it('Curl::Easy made by a helper, then http_get / http_put(body) / http_post(body) / http_delete on the handle', async () => {
    const r = await audit({ 'lib/c7.rb': [
      `require "curb"`,
      `module C7`,
      `  ROOT = "https://api.commerce7.com/v1"`,
      `  module_function`,
      `  def handle(url) = Curl::Easy.new(url) { |c| c.headers["tenant"] = "t" }`,
      `  def club(id)`,
      `    h = handle("#{ROOT}/club/#{id}")`,
      `    h.http_get`,
      `    h.body_str`,
      `  end`,
      `  def save_club(id, attrs)`,
      `    h = handle("#{ROOT}/club/#{id}")`,
      `    h.http_put(attrs.to_json)`,
      `  end`,
      `  def drop_note(id)`,
      `    handle("#{ROOT}/note/#{id}").http_delete`,
      `  end`,
      `end`,
    ].join('\n'), 'job.rb': `C7.club(1)\nC7.save_club(2, { title: "x" })\nC7.drop_note(3)\n` });
    assert.deepEqual(calls(r), ['DELETE /note/{id}', 'GET /club/{id}', 'PUT /club/{id}']);
  });

  it('Curl.post(url, body) and Curl::Easy.http_get(url): the module\'s own verbs; a handle\'s url set after it is made', async () => {
    const r = await audit({ 'x.rb': [
      `BASE = "https://api.commerce7.com/v1"`,
      `Curl.post("#{BASE}/tag", { title: "VIP" }.to_json)`,
      `Curl::Easy.http_get("#{BASE}/vendor").body_str`,
      `h = Curl::Easy.new`,
      `h.url = "#{BASE}/order/#{id}"`,
      `h.http_delete`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /order/{id}', 'GET /vendor', 'POST /tag']);
  });
});

describe('audit engine 11rb: Ruby endless methods', () => {
  it('def path(id) = "…" and def client = Faraday.new(…) return their expression', async () => {
    const r = await audit({ 'c7.rb': [
      `class C7`,
      `  def conn = Faraday.new(url: "https://api.commerce7.com/v1")`,
      `  def path(id) = "customer/#{id}/note"`,
      `  def notes(id) = conn.get(path(id))`,
      `end`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /customer/{id}/note']);
  });
});

describe('audit engine 11rb: a decoded response is data', () => {
  it('an id read from JSON.parse(response) / json.loads(response) of one call is an id in the next call\'s path', async () => {
    const rb = await audit({ 'c7.rb': [
      `module C7`,
      `  API = "https://api.commerce7.com/v1"`,
      `  module_function`,
      `  def get(path)`,
      `    h = Curl::Easy.new("#{API}/#{path}")`,
      `    h.http_get`,
      `    JSON.parse(h.body_str)`,
      `  end`,
      `  def put(path, body) = Faraday.put("#{API}/#{path}", body.to_json)`,
      `end`,
      `order = C7.get("order/#{ARGV[0]}")`,
      `C7.put("customer/#{order['customerId']}", { x: 1 })`,
    ].join('\n') });
    assert.deepEqual(calls(rb), ['GET /order/{id}', 'PUT /customer/{id}']);
    const py = await audit({ 'c7.py': [
      `import json, urllib.request`,
      `API = "https://api.commerce7.com/v1"`,
      `def get(path):`,
      `    return json.loads(urllib.request.urlopen(API + path).read())`,
      `def delete(path):`,
      `    return urllib.request.urlopen(urllib.request.Request(API + path, method="DELETE"))`,
      `tag = get("/tag/" + name)`,
      `delete("/tag/" + tag["id"])`,
    ].join('\n') });
    assert.deepEqual(calls(py), ['DELETE /tag/{id}', 'GET /tag/{id}']);
  });
});

describe('audit engine 11rb: httpclient', () => {
  it('get_content(url) / post_content(url, body) on an HTTPClient are GET / POST', async () => {
    const r = await audit({ 'c7.rb': [
      `require "httpclient"`,
      `ROOT = ENV.fetch("C7_API", "https://api.commerce7.com/v1")`,
      `def self.url(*parts) = [ROOT, *parts].join("/")`,
      `http = HTTPClient.new`,
      `JSON.parse(http.get_content(url("vendor", ARGV[0])))`,
      `http.post_content(url("tag"), { title: "x" }.to_json, { "tenant" => "t" })`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /vendor/{id}', 'POST /tag']);
  });
});

describe('audit engine 11rb: Ruby model route declarations (Flexirest-style)', () => {
  it('get :find, "/club/:id" / put :save in a class body: Club.find(…) and save on what it returned; the uncalled ones do not count', async () => {
    const r = await audit({
      'app/models/c7/club.rb': [
        `module C7`,
        `  class Club < Flexirest::Base`,
        `    base_url "https://api.commerce7.com/v1"`,
        `    get :all, "/club"`,
        `    get :find, "/club/:id"`,
        `    put :save, "/club/:id"`,
        `    delete :destroy, "/club/:id"`,
        `  end`,
        `end`,
      ].join('\n'),
      'app/jobs/rename.rb': [
        `class Rename`,
        `  def perform(id)`,
        `    club = C7::Club.find(id: id)`,
        `    club.title = "New"`,
        `    club.save`,
        `  end`,
        `end`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /club/{id}', 'PUT /club/{id}']);
  });

  it('other names and verbs: post :add, "/note"; delete :remove, "/tag/:id" called on the class', async () => {
    const r = await audit({
      'models.rb': [
        `class Note < ActiveRestClient::Base`,
        `  base_url ENV.fetch("C7_API_URL")`,
        `  post :add, "/note"`,
        `end`,
        `class Tag < ActiveRestClient::Base`,
        `  delete :remove, "/tag/:id"`,
        `  get :list, "/tag/customer"`,
        `end`,
      ].join('\n'),
      'job.rb': `require_relative "models"\nNote.add(content: "hi")\nTag.remove(id: 4)\n`,
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'POST /note']);
  });
});

describe('audit engine 11rb: python-simple-rest-client', () => {
  it('api.add_resource(resource_name=…): the default actions on api.<resource>.<action>(…), only those called', async () => {
    const r = await audit({
      'c7/api.py': [
        `from simple_rest_client.api import API`,
        `def make():`,
        `    api = API(api_root_url="https://api.commerce7.com/v1/", json_encode_body=True)`,
        `    api.add_resource(resource_name="vendor")`,
        `    api.add_resource(resource_name="department")`,
        `    return api`,
      ].join('\n'),
      'c7/job.py': [
        `from .api import make`,
        `api = make()`,
        `api.vendor.retrieve(vid)`,
        `api.vendor.destroy(vid)`,
        `api.department.list(params={"q": "x"})`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /department', 'GET /vendor/{id}']);
  });

  it('custom actions {"method", "url"} given at registration, the url\'s {} an argument', async () => {
    const r = await audit({ 'c7.py': [
      `from simple_rest_client.api import API`,
      `api = API(api_root_url=ROOT)`,
      `api.add_resource(resource_name="tag", actions={"attach": {"method": "POST", "url": "tag-x-object/{}"}, "mine": {"method": "GET", "url": "tag/customer"}})`,
      `api.tag.attach("customer", body={"tagId": 1})`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['POST /tag-x-object/{id}']);
  });
});

describe('audit engine 11rb: Ruby method_missing verbs', () => {
  it('verb, resource = name.to_s.split("_", 2) with tr("_", "-"): c.get_loyalty_tier / c.post_note(body) / c.delete_tag(id)', async () => {
    const r = await audit({
      'lib/cellar/api.rb': [
        `module Cellar`,
        `  class Api`,
        `    ROOT = "https://api.commerce7.com/v1"`,
        `    def method_missing(meth, *args)`,
        `      verb, rest = meth.to_s.split("_", 2)`,
        `      return super unless %w[get post put delete].include?(verb)`,
        `      id = args.first unless args.first.is_a?(Hash)`,
        `      call(verb, "/#{rest.tr('_', '-')}#{id ? "/#{id}" : ""}", args.last)`,
        `    end`,
        `    def respond_to_missing?(*) = true`,
        `    def call(verb, path, body) = Faraday.run_request(verb.to_sym, ROOT + path, body&.to_json, {})`,
        `  end`,
        `end`,
      ].join('\n'),
      'bin/run': [
        `#!/usr/bin/env ruby`,
        `require_relative "../lib/cellar/api"`,
        `api = Cellar::Api.new`,
        `api.post_note({ content: "hi" })`,
        `api.delete_tag(ARGV[0])`,
        `other = Thing.new`,
        `other.get_customer(1)`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'POST /note']);
  });

  it('gsub("_", "-") spelled otherwise, and a class without method_missing is not read so', async () => {
    const r = await audit({ 'c7.rb': [
      `class Store`,
      `  BASE = "https://api.commerce7.com/v1"`,
      `  def method_missing(name, *args, &blk)`,
      `    action, resource = name.to_s.split("_", 2)`,
      `    send_it(action, resource.gsub("_", "-"), *args)`,
      `  end`,
      `end`,
      `class Cache`,
      `  def get_inventory_location(k) = @h[k]`,
      `end`,
      `s = Store.new`,
      `s.get_inventory_location(5)`,
      `c = Cache.new`,
      `c.get_club_package(5)`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /inventory-location/{id}']);
  });
});

describe('audit engine 11rb: PowerShell', () => {
  it('Invoke-RestMethod -Uri … -Method …, the base from $env: or a variable; links in Write-Host are not calls', async () => {
    const r = await audit({ 'sync.ps1': [
      `$base = 'https://api.commerce7.com/v1'`,
      `$h = @{ tenant = $env:C7_TENANT }`,
      `$clubs = Invoke-RestMethod -Uri "$base/club" -Headers $h`,
      `Invoke-RestMethod -Method Delete -Uri "$($env:C7_API_URL)/vendor/$($v.id)" -Headers $h`,
      `Invoke-WebRequest "$base/tag" -Method POST -Body (@{ title = 'x' } | ConvertTo-Json)`,
      `Write-Host "see https://api.commerce7.com/v1/order in the docs"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /club', 'POST /tag']);
  });

  it('function f($Path, $Verb = \'GET\') with a concatenated -Uri; [WebRequestMethod]::Post is a method', async () => {
    const r = await audit({ 'c7.ps1': [
      `$Base = 'https://api.commerce7.com/v1'`,
      `function Get-C7($Path, $Verb = 'GET') {`,
      `    Invoke-RestMethod -Uri ($Base + '/' + $Path) -Method $Verb`,
      `}`,
      `Get-C7 'club'`,
      `Get-C7 -Path "customer/$id" -Verb PATCH`,
      `Invoke-RestMethod -Method ([Microsoft.PowerShell.Commands.WebRequestMethod]::Post) -Uri "$Base/note"`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['GET /club', 'PATCH /customer/{id}', 'POST /note']);
  });

  it('a module function with a param() block (default method) called with -Name values and a splatted hashtable', async () => {
    const r = await audit({
      'C7.psm1': [
        `function Send-C7 {`,
        `    param([string] $Resource, [string] $Verb = 'Get', $Payload)`,
        `    $req = @{ Uri = "https://api.commerce7.com/v1/$Resource"; Method = $Verb; Body = $Payload }`,
        `    irm @req`,
        `}`,
      ].join('\n'),
      'Run.ps1': [
        `Import-Module ./C7.psm1`,
        `Send-C7 -Resource 'department'`,
        `$call = @{ Resource = "coupon/$id"; Verb = 'Put' }`,
        `Send-C7 @call -Payload $json`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /department', 'PUT /coupon/{id}']);
  });
});

describe('audit engine 11rb: Ruby class macros', () => {
  it('resource "tag" in a subclass body, stored by the base\'s macro in @resource and read by its class methods', async () => {
    const r = await audit({ 'c7.rb': [
      `class Base`,
      `  ROOT = "https://api.commerce7.com/v1"`,
      `  def self.resource(name = nil)`,
      `    @resource = name if name`,
      `    @resource`,
      `  end`,
      `  def self.all = HTTParty.get("#{ROOT}/#{@resource}")`,
      `  def self.remove(id) = HTTParty.delete("#{ROOT}/#{resource}/#{id}")`,
      `end`,
      `class Vendor < Base`,
      `  resource "vendor"`,
      `end`,
      `class Department < Base`,
      `  resource "department"`,
      `end`,
      `Vendor.all`,
      `Department.remove(7)`,
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /department/{id}', 'GET /vendor']);
  });
});

describe('audit engine: RestClient::Resource chains', () => {
  it('api["order"][id]["fulfillment"].post: each [] a segment, computed ones too; on a field set in initialize', async () => {
    const r = await audit({
      'lib/api.rb': [
        `module Api`,
        `  ROOT = ENV.fetch("C7_ROOT", "https://api.commerce7.com/v1")`,
        `  def self.resource(tenant)`,
        `    RestClient::Resource.new(ROOT, user: ENV["ID"], password: ENV["SECRET"], headers: { tenant: tenant })`,
        `  end`,
        `end`,
      ].join('\n'),
      'lib/sync.rb': [
        `class Sync < BaseJob`,
        `  def initialize(tenant)`,
        `    @api = Api.resource(tenant)`,
        `    @tpl = RestClient::Resource.new("https://api.3pl.example.net/v2")`,
        `  end`,
        `  def record(order, rows)`,
        `    @api["order"].get(params: { q: order["number"] })`,
        `    @api["order"][order["id"]]["fulfillment"].post({ type: "Shipped" }.to_json)`,
        `    @tpl["shipments"][rows[0]].put({}.to_json)`,
        `    rows[0]["items"][1]`,
        `  end`,
        `end`,
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /order', 'POST /order/{id}/fulfillment']);
    assert.deepEqual(r.unknown.map((u) => u.path), []);
  });
});

describe('audit engine: options a module method returns', () => {
  it('Typhoeus::Request.new(url, C7T.options(:delete)): the method of the hash the module method returns, bound to its argument', async () => {
    const r = await audit({ 'c7t.rb': [
      'module C7T',
      '  BASE = ENV.fetch("C7_BASE", "https://api.commerce7.com/v1")',
      '  def self.options(method = :get, body: nil)',
      '    { method: method, userpwd: "a:b", body: body&.to_json }',
      '  end',
      'end',
      'Typhoeus::Request.new("#{C7T::BASE}/customer/#{id}", C7T.options(:delete)).run',
      'Typhoeus::Request.new("#{C7T::BASE}/tag", C7T.options).run',
    ].join('\n') });
    assert.deepEqual(calls(r), ['DELETE /customer/{id}', 'GET /tag']);
  });
});

describe('audit engine: a table read by a method', () => {
  it('RESOURCES.fetch(resource) (Ruby) and PATHS.get(kind) (Python) are TABLE[key]; ENV.fetch and a dict of data are not tables of paths', async () => {
    const r = await audit({
      'c7r.rb': [
        'class C7R',
        '  RESOURCES = { cart: "cart", order: "order" }.freeze',
        '  def initialize(tenant) = @conn = Faraday.new(url: ENV.fetch("C7_URL", "https://api.commerce7.com/v1/"))',
        '  def update(resource, id, attrs) = call(:put, "#{RESOURCES.fetch(resource)}/#{id}", attrs)',
        '  private',
        '  def call(verb, path, payload = nil) = @conn.send(verb, path, payload).body',
        'end',
        'C7R.new("t").update(:cart, 1, {})',
      ].join('\n'),
      'sync.py': [
        'import requests',
        'PATHS = {"tags": "tag", "clubs": "club"}',
        'def drop(kind, id):',
        '    return requests.delete(f"https://api.commerce7.com/v1/{PATHS.get(kind)}/{id}")',
        'drop("clubs", 3)',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /club/{id}', 'PUT /cart/{id}']);
  });
});
