// Ruby's REST ORMs (generators/lib/audit/ruby-orm.ts): a model's class and instance methods are requests to its
// collection path on the API its configuration names. Snippets of our own, from each library's documented shapes.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();

describe('audit engine: Ruby REST ORMs', () => {
  it('Her: use_api C7 set up with the Commerce7 url; find, where, create, save on a found or a new record, destroy', async () => {
    const r = await audit({
      'config/initializers/her.rb': [
        'C7 = Her::API.new',
        'C7.setup url: ENV.fetch("C7_URL", "https://api.commerce7.com/v1/") do |c|',
        '  c.use Faraday::Request::UrlEncoded',
        'end',
        'ERP = Her::API.new',
        'ERP.setup url: "https://erp.example.net/api/"',
      ].join('\n'),
      'app/models/c7/club_membership.rb': 'module C7\n  class ClubMembership\n    include Her::Model\n    use_api ::C7\n    collection_path "club-membership"\n  end\nend\n',
      'app/models/c7/note.rb': 'module C7\n  class Note\n    include Her::Model\n    use_api C7\n    collection_path "/note"\n  end\nend\n',
      'app/models/c7/tag.rb': 'module C7\n  class Tag\n    include Her::Model\n    use_api C7\n    resource_path "tag/:id"\n  end\nend\n',
      'app/models/erp/invoice.rb': 'class Invoice\n  include Her::Model\n  use_api ERP\n  collection_path "invoice"\nend\n',
      'app/jobs/renew.rb': [
        'class Renew',
        '  def perform(id)',
        '    C7::ClubMembership.where(status: "Active").each do |m|',
        '      m.save',
        '    end',
        '    found = C7::ClubMembership.find(id)',
        '    found.save',
        '    note = C7::Note.new(content: "renewed")',
        '    note.save',
        '    C7::Tag.destroy_existing(id)',
        '    Invoice.find(id).save',
        '    Invoice.create(total: 1)',
        '  end',
        'end',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /club-membership', 'GET /club-membership/{id}', 'POST /note', 'PUT /club-membership/{id}']);
  });

  it('Spyke: the connection on Spyke::Base, uri "club/(:id)"; ActiveResource: site, collection_name, no .json when include_format_in_path is false', async () => {
    const r = await audit({
      'config/initializers/spyke.rb': 'Spyke::Base.connection = Faraday.new(url: "https://api.commerce7.com/v1") do |c|\n  c.request :json\nend\n',
      'app/models/vendor.rb': 'class Vendor < Spyke::Base\n  uri "vendor/(:id)"\nend\n',
      'app/models/c7_resource.rb': 'class C7Resource < ActiveResource::Base\n  self.site = "https://api.commerce7.com/v1/"\n  self.include_format_in_path = false\nend\n',
      'app/models/product.rb': 'class Product < C7Resource\n  self.collection_name = "product"\nend\n',
      'app/models/department.rb': 'class Department < C7Resource\n  self.element_name = "department"\nend\n',
      'app/sync.rb': [
        'Vendor.all.each { |v| puts v.title }',
        'Vendor.create(title: "Oak")',
        'p = Product.find(params[:id])',
        'p.destroy',
        'Product.find(:all, params: { q: "cab" })',
        'Department.find(:first)',
      ].join('\n'),
    });
    // element_name "department" is pluralised by ActiveResource: a path Commerce7 does not have, reported as unknown.
    assert.deepEqual(calls(r), ['DELETE /product/{id}', 'GET /departments', 'GET /product', 'GET /product/{id}', 'GET /vendor', 'POST /vendor']);
    assert.deepEqual(r.unknown.map((u) => u.path), ['/departments']);
  });

  it('precision: a model on another API, a model nothing calls, and a finder the model defines itself are not Commerce7 calls', async () => {
    const r = await audit({
      'c.rb': [
        'Her::API.setup url: "https://crm.example.com/"',
        'class Contact',
        '  include Her::Model',
        '  collection_path "customer"',
        'end',
        'Contact.all',
        'C7 = Her::API.new',
        'C7.setup url: "https://api.commerce7.com/v1/"',
        'class Coupon',
        '  include Her::Model',
        '  use_api C7',
        '  collection_path "coupon"',
        '  def self.find(code) = Cache.read(code)',
        'end',
        'Coupon.find("X")',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), []);
  });
});

describe('audit engine: Ruby REST ORMs, what is not a record', () => {
  it('Model.find(id).attributes is a Hash: its update is not a PUT; Model.where(…).order(…).first is a record', async () => {
    const r = await audit({
      'm.rb': [
        'Spyke::Base.connection = Faraday.new(url: "https://api.commerce7.com/v1")',
        'class Vendor < Spyke::Base',
        '  uri "vendor/(:id)"',
        'end',
        'attrs = Vendor.find(1).attributes',
        'attrs.update(title: "x")',
        'last = Vendor.where(q: "oak").order(:title).first',
        'last.destroy',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /vendor', 'GET /vendor/{id}']);
  });
});
