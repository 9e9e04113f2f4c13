// The built manifest's addresses: every https://localhost:3000 URL becomes the ADDIN_BASE_URL (which may
// carry a path), but <AppDomain> takes an origin only (scheme, host, port), as the manifest schema says.
const DEV_BASE = 'https://localhost:3000';

function manifestFor(source, base) {
  const clean = String(base || DEV_BASE).replace(/\/+$/, '');
  const url = new URL(clean);
  if (url.protocol !== 'https:' && url.hostname !== 'localhost') {
    throw new Error(`ADDIN_BASE_URL must be https (Office refuses anything else): ${base}`);
  }
  return source
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${url.origin}</AppDomain>`)
    .replaceAll(DEV_BASE, clean);
}

module.exports = { manifestFor, DEV_BASE };
