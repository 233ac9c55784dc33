// Builds the console's static files into target/classes/static of the console module, where the
// application serves them: one stylesheet compiled from GOV.UK Frontend's Sass, its script, and
// htmx. Run by Maven (npm run build); nothing built is committed.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "target", "classes", "static");
mkdirSync(out, { recursive: true });

const css = compile(join(here, "src", "console.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(join(out, "console.css"), css.css);

const modules = join(here, "node_modules");
copyFileSync(join(modules, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(join(modules, "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));
console.log(`console styles and scripts written to ${out}`);
