// Builds dist/gas: Code.js (server, top-level functions with their JSDoc), Sidebar.html (the shared pane
// with script and styles inlined: HtmlService cannot load local files) and appsscript.json.
const path = require('node:path');
const fs = require('node:fs');
const GasPlugin = require('gas-webpack-plugin');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/gas');

const tsRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  options: { configFile: path.join(__dirname, 'tsconfig.json'), transpileOnly: true, compilerOptions: { removeComments: false } },
};
const resolve = { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } };

/** Writes Sidebar.html with the sidebar bundle and the pane's CSS inside, and copies appsscript.json. */
class SidebarHtmlPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('SidebarHtmlPlugin', () => {
      const js = fs.readFileSync(path.join(out, 'sidebar.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
      const css = fs.readFileSync(path.join(root, 'src/ui/panel.css'), 'utf8');
      const html = fs.readFileSync(path.join(__dirname, 'sidebar.html'), 'utf8')
        .replace('/*PANEL_CSS*/', () => css)
        .replace('/*SIDEBAR_JS*/', () => js);
      fs.writeFileSync(path.join(out, 'Sidebar.html'), html);
      fs.rmSync(path.join(out, 'sidebar.js'));
      fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(out, 'appsscript.json'));
    });
  }
}

module.exports = [
  {
    name: 'code',
    mode: 'none',
    context: root,
    entry: './gas/main.ts',
    target: ['web', 'es2020'],
    devtool: false,
    output: { path: out, filename: 'Code.js', clean: false },
    module: { rules: [tsRule] },
    resolve,
    optimization: { minimize: false, concatenateModules: true },
    plugins: [new GasPlugin({ comment: true, autoGlobalExportsFiles: [] })],
  },
  {
    name: 'sidebar',
    dependencies: ['code'],
    mode: 'production',
    context: root,
    entry: './gas/sidebar.ts',
    target: ['web', 'es2020'],
    devtool: false,
    output: { path: out, filename: 'sidebar.js' },
    module: { rules: [tsRule] },
    resolve,
    plugins: [new SidebarHtmlPlugin()],
  },
];
