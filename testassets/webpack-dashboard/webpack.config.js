'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: { main: './src/dashboard.js' },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
    assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
    clean: true,
  },
  // Every .js (and .css) gets a .map whose `sources` are webpack://bundlebudget-webpack-dashboard/./node_modules/...
  // and ./src/...; `nosources-` leaves out `sourcesContent` (moment's 137 locales and Chart.js would add ~1.2 MB).
  devtool: 'nosources-source-map',
  module: {
    rules: [
      {
        test: /\.css$/i,
        use: [MiniCssExtractPlugin.loader, 'css-loader'],
      },
      {
        // Every webfont the stylesheets reference is emitted as its own file (never inlined).
        test: /\.(eot|woff2?|ttf|otf)$/i,
        type: 'asset/resource',
        generator: { filename: 'fonts/[name].[contenthash:8][ext]' },
      },
      {
        // Font Awesome's SVG fonts (…/webfonts/*.svg#fontawesome) are fonts, not images.
        test: /\.svg$/i,
        include: /[\\/]webfonts[\\/]/,
        type: 'asset/resource',
        generator: { filename: 'fonts/[name].[contenthash:8][ext]' },
      },
    ],
  },
  // No IgnorePlugin / ContextReplacementPlugin for moment's locales: bundling all of them is the point.
  plugins: [
    new MiniCssExtractPlugin({
      filename: '[name].[contenthash:8].css',
      chunkFilename: '[name].[contenthash:8].css',
    }),
    new HtmlWebpackPlugin({
      template: './src/index.html',
      filename: 'index.html',
    }),
  ],
  optimization: {
    splitChunks: {
      cacheGroups: {
        // Everything from node_modules that the initial chunk needs goes into one `vendors` chunk.
        vendors: {
          test: /[\\/]node_modules[\\/]/,
          name: 'vendors',
          chunks: 'initial',
          priority: -10,
          enforce: true,
        },
      },
    },
  },
  performance: { hints: false },
  stats: {
    all: false,
    version: true,
    assets: true,
    cachedAssets: true,
    relatedAssets: true, // each .map and .LICENSE.txt is listed under `related` of the asset it belongs to
    publicPath: true,
    entrypoints: true,
    chunks: true,
    chunkRelations: false,
    chunkGroups: false,
    ids: true,
    hash: false,
    errors: true,
    warnings: true,
    excludeAssets: [],
  },
};
