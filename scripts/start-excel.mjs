// `npm run start:excel`: builds the add-in and explains how to sideload it, with the same steps as the
// README. `npm run start:excel -- --serve --cert localhost.crt --key localhost.key [--port 3000]` also
// serves dist/addin over https with the CORS header Office needs for functions.json and the shared
// runtime's scripts. Nothing is fetched from the network.
import { execSync } from 'node:child_process';
import { createServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

execSync('npm run build:addin', { stdio: 'inherit' });
const base = process.env.ADDIN_BASE_URL || 'https://localhost:3000';
console.log(`
Cruscotto per Excel — dist/addin è pronto per ${base}. / dist/addin is ready for ${base}.

1. Certificato per localhost (una volta) / certificate for localhost (once), then trust localhost.crt:
     openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=localhost \\
       -addext subjectAltName=DNS:localhost -keyout localhost.key -out localhost.crt
2. Servire dist/addin in https con CORS / serve dist/addin over https with CORS:
     npm run start:excel -- --serve --cert localhost.crt --key localhost.key
   Per un altro indirizzo / for another address: ADDIN_BASE_URL=https://host/percorso npm run build:addin
3. Excel sul web / Excel on the web: Inserisci > Componenti aggiuntivi > Carica il mio componente
   aggiuntivo / Insert > Add-ins > Upload My Add-in: dist/addin/manifest.xml.
   Excel desktop: vedi / see README.md (cartella condivisa / shared folder; Mac: cartella wef / wef folder).

La scheda Home mostra il gruppo Cruscotto: "Calcola punteggi" e "Apri cruscotto".
The Home tab shows the Cruscotto group: "Calcola punteggi" (score) and "Apri cruscotto" (open the pane).
Requisiti / requirements: Excel con ExcelApi 1.8, SharedRuntime 1.1, CustomFunctionsRuntime 1.2
(Microsoft 365, Excel sul web, Excel 2021+).
`);

if (args.includes('--serve')) {
  const cert = option('cert');
  const key = option('key');
  if (!cert || !key || !existsSync(cert) || !existsSync(key)) {
    console.error('--serve richiede --cert e --key esistenti / --serve needs existing --cert and --key files (step 1).');
    process.exit(2);
  }
  const root = resolve('dist/addin');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };
  const port = Number(option('port') ?? new URL(base).port ?? 3000) || 3000;
  createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'taskpane.html' : path);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  }).listen(port, () => console.log(`https://localhost:${port}/ → dist/addin (Ctrl+C per fermare / to stop)`));
}
