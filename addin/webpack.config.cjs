// Builds dist/addin: taskpane.html (the shared runtime page), commands.html, functions.js,
// functions.json (generated from the JSDoc by the official metadata plugin), assets and manifest.xml.
// ADDIN_BASE_URL (default https://localhost:3000) is written into the built manifest.
const path = require('node:path');
const fs = require('node:fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { manifestFor, DEV_BASE } = require('./manifest-url.cjs');

const root = path.resolve(__dirname, '..');
const base = process.env.ADDIN_BASE_URL || DEV_BASE;
const panelCss = fs.readFileSync(path.join(root, 'src/ui/panel.css'), 'utf8');

module.exports = {
  mode: 'production',
  context: root,
  devtool: 'source-map',
  target: ['web', 'es2020'],
  entry: {
    functions: ['./addin/custom-functions-guard.ts', './addin/functions.ts'],
    taskpane: './addin/taskpane.ts',
  },
  output: { path: path.join(root, 'dist/addin'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  module: {
    rules: [{
      test: /\.ts$/,
      loader: 'ts-loader',
      options: { configFile: path.join(__dirname, 'tsconfig.json'), transpileOnly: true },
    }],
  },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: path.join(__dirname, 'functions.ts') }),
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: path.join(__dirname, 'taskpane.html'),
      chunks: ['functions', 'taskpane'],
      templateParameters: { panelCss },
    }),
    new HtmlWebpackPlugin({
      filename: 'commands.html',
      template: path.join(__dirname, 'commands.html'),
      chunks: ['functions', 'taskpane'],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
        { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString(), base) },
        { from: 'addin/message.html', to: 'message.html' },
      ],
    }),
  ],
  performance: { hints: false },
};
