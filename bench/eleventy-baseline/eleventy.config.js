// Plain Eleventy 3, the yardstick of `npm run bench`: default markdown-it (no wikilink
// handling), one trivial layout, every note of the vault one page.
// Run as: node node_modules/@11ty/eleventy/cmd.cjs --config=bench/eleventy-baseline/eleventy.config.js --input=VAULT --output=DIR --quiet

/** @param eleventyConfig Eleventy's UserConfig */
export default function (eleventyConfig) {
  // bench/vaults/ is git-ignored, and Eleventy skips what .gitignore lists.
  eleventyConfig.setUseGitIgnore(false);
  // The layout lives here, not in the vault: a virtual template under the includes folder.
  eleventyConfig.addTemplate('_includes/baseline.njk', LAYOUT);
  eleventyConfig.addGlobalData('layout', 'baseline.njk');
  // Generated vaults plant a few notes with broken YAML on purpose. Stock Eleventy stops
  // at the first one; read those as having no front matter, with the stock parser.
  const stockYaml = eleventyConfig.frontMatterParsingOptions.engines.yaml;
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      /** @param {string} text */
      yaml: (text) => {
        try {
          return stockYaml(text);
        } catch {
          return {};
        }
      },
    },
  });
}

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title or page.fileSlug }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;
