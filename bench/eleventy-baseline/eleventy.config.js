// Plain Eleventy 3, the yardstick of `npm run bench`: default markdown-it (no wikilink
// handling), one trivial layout, every note of the vault one page. Notes are not templates:
// neither Markdown nor HTML goes through a template engine first (Almanac does not template
// notes either, and real notes hold Templater placeholders such as `{{date}}` that stop Nunjucks).
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
  // Keys Eleventy gives a meaning to are dropped: a note's `permalink:` is Obsidian Publish's
  // (`daily/201`, no extension, which Eleventy refuses as an output path), not Eleventy's.
  const stockYaml = eleventyConfig.frontMatterParsingOptions.engines.yaml;
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      /** @param {string} text */
      yaml: (text) => {
        let data;
        try {
          data = stockYaml(text);
        } catch {
          return {};
        }
        if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
        for (const key of Object.keys(data)) if (ELEVENTY_KEYS.has(key) || key.startsWith('eleventy')) delete data[key];
        return data;
      },
    },
  });
  return { markdownTemplateEngine: false, htmlTemplateEngine: false };
}

/** Front-matter keys that steer Eleventy (output path, layout, pagination, engine, date). */
const ELEVENTY_KEYS = new Set(['permalink', 'layout', 'pagination', 'templateEngineOverride', 'date', 'dynamicPermalink', 'permalinkBypassOutputDir']);

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title or page.fileSlug }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;
