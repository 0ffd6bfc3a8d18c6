// General mechanisms from heldout6/8/9's C# and Go misses (issue 12), on snippets of our own.
import assert from 'node:assert/strict';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();
const lines = (...l: string[]) => l.join('\n');

describe('audit engine 11cs: C# request messages', () => {
  it('an HttpRequestMessage made by an object initializer (Method, RequestUri relative) is sent on the client\'s base', async () => {
    const r = await audit({ 'Sync.cs': lines(
      `public sealed class Sync(HttpClient http) {`,
      `  public static HttpClient Make() => new HttpClient { BaseAddress = new Uri("https://api.commerce7.com/v1/") };`,
      `  public async Task Run(string id) {`,
      `    var a = new HttpRequestMessage { Method = HttpMethod.Patch, RequestUri = new Uri($"order/{id}", UriKind.Relative) };`,
      `    await http.SendAsync(a);`,
      `    using var b = new HttpRequestMessage() { RequestUri = new Uri("tag/" + id, UriKind.Relative), Method = HttpMethod.Delete };`,
      `    await http.SendAsync(b);`,
      `  }`,
      `}`) });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'PATCH /order/{id}']);
  });

  it('a method with a fallback (`method ?? HttpMethod.Get`) or made from a string (`new HttpMethod(verb)`) is the caller\'s', async () => {
    const r = await audit({ 'Api.cs': lines(
      `public sealed class Api(HttpClient http) {`,
      `  static readonly Uri Root = new("https://api.commerce7.com/v1/");`,
      `  public Task<HttpResponseMessage> Call(string path, HttpMethod? method = null) {`,
      `    var req = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(Root, path));`,
      `    return http.SendAsync(req);`,
      `  }`,
      `  public Task<HttpResponseMessage> Raw(string verb, string path) {`,
      `    var req = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), new Uri(Root, path));`,
      `    return http.SendAsync(req);`,
      `  }`,
      `  public async Task Go() {`,
      `    await Call("club");`,
      `    await Call("vendor/1", HttpMethod.Put);`,
      `    await Raw("delete", "coupon/9");`,
      `  }`,
      `}`) });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /club', 'PUT /vendor/{id}']);
  });

  it('a C# 12 collection expression of (method, path) tuples, looped into requests', async () => {
    const r = await audit({ 'Seed.cs': lines(
      `using var http = new HttpClient { BaseAddress = new Uri("https://api.commerce7.com/v1/") };`,
      `(HttpMethod Verb, string Url)[] plan = [`,
      `    (HttpMethod.Post, "tag"),`,
      `    (HttpMethod.Get, string.Format("vendor/{0}", "x1")),`,
      `];`,
      `foreach (var (verb, url) in plan) await http.SendAsync(new HttpRequestMessage(verb, url));`,
      `List<(HttpMethod, string)> more = [(HttpMethod.Delete, "coupon/5")];`,
      `foreach (var (m, p) in more) await http.SendAsync(new HttpRequestMessage(m, p));`) });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor/{id}', 'POST /tag']);
  });

  it('HttpWebRequest: WebRequest.Create(url), its Method set after, sent by GetResponse', async () => {
    const r = await audit({ 'Legacy.cs': lines(
      `public class Legacy {`,
      `  const string Api = "https://api.commerce7.com/v1";`,
      `  public string Send(string verb, string path) {`,
      `    var req = (HttpWebRequest)WebRequest.Create(Api + path);`,
      `    req.Method = verb;`,
      `    using var res = req.GetResponse();`,
      `    return "";`,
      `  }`,
      `  public void Patch(string id) {`,
      `    var r2 = WebRequest.CreateHttp($"{Api}/vendor/{id}");`,
      `    r2.Method = "PUT";`,
      `    r2.GetResponse();`,
      `  }`,
      `  public void Run() { Send("POST", "/tag"); }`,
      `}`) });
    assert.deepEqual(calls(r), ['POST /tag', 'PUT /vendor/{id}']);
  });

  it('HttpWebRequest with its body written to GetRequestStream and read from GetResponseStream: one request, the base from AppSettings', async () => {
    const r = await audit({ 'Api.cs': lines(
      `public class Api {`,
      `  static readonly string Root = ConfigurationManager.AppSettings["Commerce7BaseUrl"];`,
      `  public string Call(string method, string path, string json) {`,
      `    var req = (HttpWebRequest)WebRequest.Create(Root + path);`,
      `    req.Method = method;`,
      `    using (var s = req.GetRequestStream()) s.Write(Encoding.UTF8.GetBytes(json), 0, json.Length);`,
      `    using (var resp = (HttpWebResponse)req.GetResponse())`,
      `    using (var reader = new StreamReader(resp.GetResponseStream())) return reader.ReadToEnd();`,
      `  }`,
      `  public void Go(string id) { Call("PATCH", "/vendor/" + id, "{}"); }`,
      `}`) });
    assert.deepEqual(calls(r), ['PATCH /vendor/{id}']);
  });

  it('a switch expression mapping an enum to path segments is a table: the caller\'s member picks the path', async () => {
    const r = await audit({ 'Paths.cs': lines(
      `public enum Res { Tag, Vendor, Coupon }`,
      `public static class Paths {`,
      `  const string Api = "https://api.commerce7.com/v1";`,
      `  public static string Of(Res r) => r switch { Res.Tag => "tag", Res.Vendor => "vendor", Res.Coupon => "coupon", _ => throw new ArgumentException() };`,
      `  public static string Url(Res r, string id) => $"{Api}/{Of(r)}/{id}";`,
      `}`,
      `public class Job(HttpClient http) {`,
      `  public async Task Run(string id) {`,
      `    await http.DeleteAsync(Paths.Url(Res.Coupon, id));`,
      `    await http.GetAsync(Paths.Url(Res.Vendor, id));`,
      `  }`,
      `}`) });
    assert.deepEqual(calls(r), ['DELETE /coupon/{id}', 'GET /vendor/{id}']);
  });
});

describe('audit engine 11cs: C# tables', () => {
  it('a dictionary initializer (["k"] = (verb, path), { "k", … }) deconstructed by the key a caller passes', async () => {
    const r = await audit({ 'Ops.cs': lines(
      `public static class Ops {`,
      `  public static readonly Dictionary<string, (string Verb, string Path)> Table = new() {`,
      `    ["tags"] = ("get", "tag"),`,
      `    ["dropVendor"] = ("DELETE", "vendor/{0}"),`,
      `    ["unused"] = ("POST", "coupon"),`,
      `  };`,
      `  public static readonly Dictionary<string, string> Paths = new Dictionary<string, string> { { "clubs", "club" }, { "notes", "note" } };`,
      `}`,
      `public sealed class Runner(HttpClient http) {`,
      `  public static HttpClient Make() => new() { BaseAddress = new Uri("https://api.commerce7.com/v1/") };`,
      `  public Task<HttpResponseMessage> Run(string op, params object[] args) {`,
      `    var (verb, path) = Ops.Table[op];`,
      `    return http.SendAsync(new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), string.Format(path, args)));`,
      `  }`,
      `  public Task<HttpResponseMessage> List(string what) => http.GetAsync(Ops.Paths[what]);`,
      `  public async Task Go() { await Run("tags"); await Run("dropVendor", "v1"); await List("clubs"); }`,
      `}`) });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /club', 'GET /tag']);
  });
});

describe('audit engine 11cs: C# primary constructors', () => {
  it('a base class\'s primary-constructor parameter is the argument each subclass passes, by the receiver\'s class', async () => {
    const r = await audit({
      'Apis.cs': lines(
        `public abstract class Resource(HttpClient http, string name) {`,
        `  public Task<string> Get(string id) => http.GetStringAsync($"{name}/{id}");`,
        `  public Task<HttpResponseMessage> Remove(string id) => http.DeleteAsync(name + "/" + id);`,
        `}`,
        `public sealed class Vendors(HttpClient http) : Resource(http, "vendor");`,
        `public sealed class Tags(HttpClient http) : Resource(http, "tag");`,
        `public sealed class Coupons(HttpClient h) : Resource(h, "coupon");`,
        `public static class C7 { public static HttpClient Make() => new() { BaseAddress = new Uri("https://api.commerce7.com/v1/") }; }`),
      'Job.cs': lines(
        `public sealed class Job(Vendors vendors, Tags tags) {`,
        `  public async Task Run(string id) {`,
        `    await vendors.Get(id);`,
        `    await tags.Remove(id);`,
        `    var coupons = new Coupons(C7.Make());`,
        `    await coupons.Get(id);`,
        `  }`,
        `}`),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /coupon/{id}', 'GET /vendor/{id}']);
  });
});

describe('audit engine 11cs: C# extension methods', () => {
  it('the `this` parameter is the receiver: the arguments bind from the second parameter on (and Split(\'?\')[0] keeps the path)', async () => {
    const r = await audit({
      'Ext.cs': lines(
        `public static class C7Ext {`,
        `  const string Api = "https://api.commerce7.com/v1/";`,
        `  public static Task<string> C7Get(this HttpClient http, string path) => http.GetStringAsync(Api + path.Split('?')[0]);`,
        `  public static Task<HttpResponseMessage> C7Delete(this HttpClient http, string tenant, string path) => http.DeleteAsync($"{Api}{path}");`,
        `}`),
      'Job.cs': lines(
        `public sealed class Job(HttpClient http) {`,
        `  public async Task Run(string id) {`,
        `    await http.C7Get("vendor?cursor=start");`,
        `    await http.C7Delete("t1", $"tag/{id}");`,
        `  }`,
        `}`),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /vendor']);
  });
});

describe('audit engine 11cs: C# UriBuilder', () => {
  it('b.Uri / b.AbsoluteUri of a UriBuilder whose Path was set is that path (on the base it was made from)', async () => {
    const r = await audit({
      'Ext.cs': lines(
        `public sealed class Opts { public Uri Base { get; set; } = new("https://api.commerce7.com/v1"); }`,
        `public static class C7Ext {`,
        `  static Uri At(Opts o, string path) { var b = new UriBuilder(o.Base); b.Path = $"{o.Base.AbsolutePath.TrimEnd('/')}/{path}"; return b.Uri; }`,
        `  static string Raw(Opts o, string path) { var u = new UriBuilder(o.Base) { Port = 443 }; u.Path = o.Base.AbsolutePath + "/" + path; return u.AbsoluteUri; }`,
        `  public static Task<string> C7Get(this HttpClient http, Opts o, string path) => http.GetStringAsync(At(o, path));`,
        `  public static Task<HttpResponseMessage> C7Delete(this HttpClient http, Opts o, string path) => http.DeleteAsync(Raw(o, path));`,
        `}`),
      'Job.cs': lines(
        `public sealed class Job(IHttpClientFactory f, Opts o) {`,
        `  public async Task Run(string id) {`,
        `    var http = f.CreateClient("c7");`,
        `    await http.C7Get(o, $"vendor/{id}");`,
        `    await http.C7Delete(o, "tag/" + id);`,
        `  }`,
        `}`),
    });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /vendor/{id}']);
  });
});

describe('audit engine 11cs: C# parameters left at a null default', () => {
  it('adds nothing to the path ($"{x}" and "a" + x of a null string are "")', async () => {
    const r = await audit({ 'Urls.cs': lines(
      `public static class Urls {`,
      `  const string Api = "https://api.commerce7.com/v1";`,
      `  public static string Of(string res, string? id = null, string? q = null) => $"{Api}/{res}{(id is null ? "" : "/" + id)}{(q == null ? "" : "?" + q)}";`,
      `  public static string Sub(string res, string? child = null) => Api + "/" + res + (child != null ? "/" + child : "");`,
      `}`,
      `public class Job(HttpClient http) {`,
      `  public async Task Run(string id) {`,
      `    await http.GetAsync(Urls.Of("tag", q: "cursor=start"));`,
      `    await http.DeleteAsync(Urls.Of("vendor", id));`,
      `    await http.GetAsync(Urls.Sub("club"));`,
      `  }`,
      `}`) });
    assert.deepEqual(calls(r), ['DELETE /vendor', 'DELETE /vendor/{id}', 'GET /club', 'GET /tag']);
  });
});

describe('audit engine 11cs: Go request shapes', () => {
  it('a library call given the method first and the URL second (grequests.Req, go-kit NewClient)', async () => {
    const r = await audit({ 'c7.go': lines(
      `package c7`,
      `const api = "https://api.commerce7.com/v1"`,
      `func Save(id string) {`,
      `	grequests.Req("PATCH", api+"/vendor/"+id, nil)`,
      `	ep := httptransport.NewClient(http.MethodPost, mustParse(api+"/tag"), enc, dec).Endpoint()`,
      `	_ = ep`,
      `}`,
      `func mustParse(s string) *url.URL { u, _ := url.Parse(s); return u }`) });
    assert.deepEqual(calls(r), ['PATCH /vendor/{id}', 'POST /tag']);
  });

  it('a base read by a chain of setting lookups whose keys name it (go-ini Section/Key, viper Sub/GetString)', async () => {
    const r = await audit({ 'c7.go': lines(
      `package main`,
      `var cfg, _ = ini.Load("app.ini")`,
      `var api = cfg.Section("commerce7").Key("base").String()`,
      `func save(id string) { grequests.Req("PUT", api+"/vendor/"+id, nil) }`,
      `func tags() { root := viper.Sub("c7").GetString("api_url"); grequests.Req("DELETE", root+"/tag/"+id, nil) }`,
      `func other() { x := cfg.Section("mailer").Key("host").String(); grequests.Req("POST", x+"/order", nil) }`) });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'PUT /vendor/{id}']);
  });

  it('the context argument of a *WithContext call is not its URL (a helper passing method and path on)', async () => {
    const r = await audit({ 'c7.go': lines(
      `package c7`,
      `const base = "https://api.commerce7.com/v1"`,
      `func (c *Client) call(ctx context.Context, method, path string) error {`,
      `	req, err := http.NewRequestWithContext(ctx, method, base+path, nil)`,
      `	if err != nil { return err }`,
      `	_, err = c.hc.Do(req)`,
      `	return err`,
      `}`,
      `func (c *Client) Drop(ctx context.Context, id string) error { return c.call(ctx, http.MethodDelete, "/vendor/"+id) }`,
      `func (c *Client) Tags() error { return c.call(context.Background(), "GET", "/tag") }`) });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /tag']);
  });

  it('an iota enum keys a table of routes; a copy loop over its segments keeps them for url.JoinPath', async () => {
    const r = await audit({
      'ops.go': lines(
        `package c7`,
        `type Op int`,
        `const (`,
        `	ListTags Op = iota`,
        `	DropVendor`,
        `	Unused`,
        `)`,
        `var routes = map[Op]struct {`,
        `	verb  string`,
        `	parts []string`,
        `}{`,
        `	ListTags:   {http.MethodGet, []string{"tag"}},`,
        `	DropVendor: {http.MethodDelete, []string{"vendor", ":id"}},`,
        `	Unused:     {http.MethodPost, []string{"coupon"}},`,
        `}`,
        `func (c *Client) Do(op Op, id string) error {`,
        `	rt := routes[op]`,
        `	parts := make([]string, len(rt.parts))`,
        `	for i, p := range rt.parts {`,
        `		if p == ":id" { p = id }`,
        `		parts[i] = p`,
        `	}`,
        `	u, _ := url.JoinPath("https://api.commerce7.com/v1", parts...)`,
        `	req, _ := http.NewRequest(rt.verb, u, nil)`,
        `	_, err := c.hc.Do(req)`,
        `	return err`,
        `}`),
      'main.go': lines(`package main`, `func main() { c := &c7.Client{}; c.Do(c7.ListTags, ""); c.Do(c7.DropVendor, os.Args[1]) }`),
    });
    assert.deepEqual(calls(r), ['DELETE /vendor/{id}', 'GET /tag']);
  });

  it('a route registered with the method first is not a call', async () => {
    const r = await audit({ 'srv.go': lines(
      `package main`,
      `func main() {`,
      `	engine := gin.New()`,
      `	engine.Handle("POST", "/order", onOrder)`,
      `	mux.Handle(http.MethodGet, "/customer", onCustomer)`,
      `}`) });
    assert.deepEqual(calls(r), []);
  });

  it('values sent on a channel are the elements a range over it reads', async () => {
    const r = await audit({ 'pool.go': lines(
      `package main`,
      `const base = "https://api.commerce7.com/v1"`,
      `type task struct { verb string; path string }`,
      `func run(t task) { req, _ := http.NewRequest(t.verb, base+t.path, nil); http.DefaultClient.Do(req) }`,
      `func main() {`,
      `	queue := make(chan task, 4)`,
      `	go func() {`,
      `		for t := range queue {`,
      `			run(t)`,
      `		}`,
      `	}()`,
      `	queue <- task{verb: http.MethodDelete, path: "/tag/" + id}`,
      `	queue <- task{http.MethodPut, "/vendor/1"}`,
      `}`) });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'PUT /vendor/{id}']);
  });

  it('a path template filled by strings.Replace / strings.ReplaceAll / C#\'s Replace keeps its path', async () => {
    const go = await audit({ 'api.go': lines(
      `package c7`,
      `func (a *API) Get(ctx context.Context, id string) {`,
      `	p := a.base + "/vendor/{vendorId}"`,
      `	p = strings.Replace(p, "{"+"vendorId"+"}", url.PathEscape(id), -1)`,
      `	q := strings.ReplaceAll("https://api.commerce7.com/v1/tag/{id}", "{id}", id)`,
      `	req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, q, nil)`,
      `	a.do(http.MethodGet, p)`,
      `	http.DefaultClient.Do(req)`,
      `}`,
      `func (a *API) do(method, path string) { req, _ := http.NewRequest(method, path, nil); a.hc.Do(req) }`) });
    assert.deepEqual(calls(go), ['DELETE /tag/{id}', 'GET /vendor/{id}']);
    const cs = await audit({ 'Api.cs': lines(
      `public class Api(HttpClient http) {`,
      `  public Task Drop(string id) => http.DeleteAsync("https://api.commerce7.com/v1/coupon/{couponId}".Replace("{couponId}", id));`,
      `}`) });
    assert.deepEqual(calls(cs), ['DELETE /coupon/{id}']);
  });

  it('a verb step given a relative path joins the path a Path step built (sling: Path("x/").Get(id))', async () => {
    const r = await audit({ 'c7.go': lines(
      `package c7`,
      `const Base = "https://api.commerce7.com/v1/"`,
      `func New() *sling.Sling { return sling.New().Base(Base) }`,
      `func Vendor(s *sling.Sling, id string) { s.New().Path("vendor/").Get(id).ReceiveSuccess(nil) }`,
      `func DropTag(id string) { New().Path("tag/").Delete(id).ReceiveSuccess(nil) }`),
      'main.go': lines(`package main`, `func main() { s := c7.New(); c7.Vendor(s, os.Args[1]) }`) });
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'GET /vendor/{id}']);
  });

  it('fasthttp-style setters: req.SetRequestURI(url) and req.Header.SetMethod(m), then the client sends req', async () => {
    const r = await audit({ 'c7.go': lines(
      `package c7`,
      `const Base = "https://api.commerce7.com/v1"`,
      `func (c *Client) do(method, path string) {`,
      `	req := fasthttp.AcquireRequest()`,
      `	resp := fasthttp.AcquireResponse()`,
      `	req.Header.SetMethod(method)`,
      `	req.SetRequestURI(Base + path)`,
      `	c.hc.Do(req, resp)`,
      `}`,
      `func (c *Client) Tags() { c.do(fasthttp.MethodGet, "/tag") }`,
      `func (c *Client) PutVendor(id string) { c.do(fasthttp.MethodPut, "/vendor/"+id) }`) });
    assert.deepEqual(calls(r), ['GET /tag', 'PUT /vendor/{id}']);
  });
});

describe('audit engine: C# params arrays', () => {
  it('C7(params object[] segments) => base.AppendPathSegments(segments).WithHeader(…): every argument a segment, in order; the helper sends nothing', async () => {
    const r = await audit({ 'TagImporter.cs': [
      'using Flurl;',
      'using Flurl.Http;',
      'public sealed class TagImporter(string tenant)',
      '{',
      '    private IFlurlRequest C7(params object[] segments) => "https://api.commerce7.com/v1".AppendPathSegments(segments).WithHeader("tenant", tenant);',
      '    public Task Tag(string id) => C7("tag-x-object", "customer").PostJsonAsync(new { tagId = id });',
      '    public Task<T> Find<T>(string q) => C7("customer").SetQueryParam("q", q).GetJsonAsync<T>();',
      '}',
    ].join('\n') });
    // (The helper's WithHeader configures the request it returns: no request of its own, no GET beside the POST.)
    assert.deepEqual(calls(r), ['GET /customer', 'POST /tag-x-object/customer']);
    assert.deepEqual(r.unknown, []);
  });
});

describe('audit engine: C# members a subclass overrides', () => {
  it('a base class\u2019s UpdateAsync reads Path: the receiver\u2019s class\u2019s Path (an injected CollectionsApi), not every subclass\u2019s; unused methods listed per subclass', async () => {
    const r = await audit({
      'Api.cs': [
        'public abstract class C7ResourceApi(HttpClient http)',
        '{',
        '    protected abstract string Path { get; }',
        '    public Task<JsonElement> ListAsync() => http.GetFromJsonAsync<JsonElement>($"{Path}?limit=50");',
        '    public async Task UpdateAsync(string id, object changes) => (await http.PutAsJsonAsync($"{Path}/{id}", changes)).EnsureSuccessStatusCode();',
        '    public async Task DeleteAsync(string id) => (await http.DeleteAsync($"{Path}/{id}")).EnsureSuccessStatusCode();',
        '}',
        'public sealed class CollectionsApi(HttpClient http) : C7ResourceApi(http) { protected override string Path => "collection"; }',
        'public sealed class DepartmentsApi(HttpClient http) : C7ResourceApi(http) { protected override string Path => "department"; }',
      ].join('\n'),
      'Program.cs': [
        'builder.Services.AddHttpClient<CollectionsApi>(c => c.BaseAddress = new Uri("https://api.commerce7.com/v1/"));',
        'builder.Services.AddHttpClient<DepartmentsApi>(c => c.BaseAddress = new Uri("https://api.commerce7.com/v1/"));',
      ].join('\n'),
      'Sync.cs': [
        'public sealed class MenuSync(CollectionsApi collections, DepartmentsApi departments)',
        '{',
        '    public async Task RunAsync()',
        '    {',
        '        await departments.ListAsync();',
        '        await collections.ListAsync();',
        '        await collections.UpdateAsync("c1", new { title = "x" });',
        '    }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /collection', 'GET /department', 'PUT /collection/{id}']);
    assert.deepEqual(r.unresolved.filter((u) => u.method).map((u) => `${u.method} ${u.pattern}`).sort(), ['DELETE /collection/{id}', 'DELETE /department/{id}']);
  });
});
