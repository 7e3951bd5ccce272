// Serves samples/ on 127.0.0.1 for ./run.sh and tests, replacing {{base}} with this server's address.
// Usage: node scripts/serve-samples.mjs [port] [folder]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const port = Number(process.argv[2] ?? 7080);
const root = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "samples");
const types = { ".xml": "application/rss+xml; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8", ".html": "text/html; charset=utf-8", ".json": "application/feed+json; charset=utf-8" };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidates = [join(root, path), join(root, path + ".html"), join(root, "articles", path.replace(/^\/frontera\//, "") + ".html")];
  for (const file of candidates) {
    try {
      const body = (await readFile(file, "utf8")).replaceAll("{{base}}", `http://127.0.0.1:${port}`);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "text/plain; charset=utf-8" });
      res.end(body);
      return;
    } catch { /* try the next candidate */ }
  }
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
});
server.listen(port, "127.0.0.1", () => console.log(`sample feeds on http://127.0.0.1:${port}/feeds/`));
