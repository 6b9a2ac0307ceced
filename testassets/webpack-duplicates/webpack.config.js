'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = {
  mode: 'production',
  context: __dirname,
  // Two pages, two entry points. Both import dayjs, nanoid and ./src/format.js; only shop imports ms.
  entry: {
    admin: './src/admin.js',
    shop: './src/shop.js',
  },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
    clean: true,
  },
  // Full source maps (with sourcesContent): the sources are small (dayjs.min.js is the largest).
  devtool: 'source-map',
  // webpack's DEFAULT optimization on purpose: no `optimization.splitChunks`. The default splitChunks only
  // splits async chunks (`chunks: 'async'`), so each entry bundle carries its own copy of dayjs, nanoid and
  // format.js. That duplication is what this fixture is for.
  plugins: [
    new HtmlWebpackPlugin({ title: 'Admin', filename: 'admin.html', chunks: ['admin'] }),
    new HtmlWebpackPlugin({ title: 'Shop', filename: 'shop.html', chunks: ['shop'] }),
  ],
  performance: { hints: false },
  stats: {
    all: false,
    version: true,
    publicPath: true,
    assets: true,
    cachedAssets: true,
    relatedAssets: true, // each .map is listed under `related` of the .js it belongs to
    entrypoints: true,
    chunks: true,
    chunkModules: false, // modules are listed once, at the top level, each with its `chunks`
    chunkRelations: true, // parents/children/siblings: shows the async `cart` chunk under `shop`
    chunkOrigins: false,
    modules: true,
    modulesSpace: Infinity,
    nestedModules: true, // the modules inside a concatenated module ("./src/admin.js + 3 modules")
    nestedModulesSpace: Infinity,
    orphanModules: false,
    runtimeModules: false,
    dependentModules: false,
    reasons: false,
    usedExports: false,
    providedExports: false,
    optimizationBailout: false,
    source: false,
    ids: true,
    hash: false,
    errors: true,
    warnings: true,
    excludeAssets: [],
    excludeModules: [],
  },
};
