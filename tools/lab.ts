/**
 * `deno task lab [-- jupyter args]`: open the course. Installs (or refreshes) the Deno Jupyter
 * kernelspec, caches the npm packages and plotly.js so the notebooks work offline, then starts
 * JupyterLab if it is installed, else the classic notebook, else prints how to install Jupyter
 * and exits with status 1.
 */
import { installPlotlyForClassic, plotlySource } from "../lib/plot/show.ts";
import { repoRootPath } from "../lib/util/repo_root.ts";

const root = repoRootPath();

async function run(cmd: string, args: string[], quiet = false): Promise<boolean> {
  try {
    const p = new Deno.Command(cmd, {
      args,
      stdout: quiet ? "null" : "inherit",
      stderr: quiet ? "null" : "inherit",
    });
    return (await p.output()).success;
  } catch {
    return false;
  }
}

function installHelp(): string {
  const os = Deno.build.os;
  const lines = ["Jupyter is not installed. Install it, then run `deno task lab` again:"];
  if (os === "linux") {
    lines.push(
      "  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install jupyter-notebook",
      "  any Linux:      python3 -m pip install --user jupyterlab",
    );
  } else if (os === "darwin") {
    lines.push(
      "  macOS:          brew install jupyterlab   (or: python3 -m pip install --user jupyterlab)",
    );
  } else if (os === "windows") {
    lines.push(
      "  Windows:        py -m pip install jupyterlab   (or install Anaconda, which includes it)",
    );
  } else {
    lines.push("  python3 -m pip install jupyterlab");
  }
  lines.push("  conda (any OS): conda install -c conda-forge jupyterlab");
  return lines.join("\n");
}

console.log("Installing the Deno Jupyter kernelspec (deno jupyter --install) …");
if (!(await run(Deno.execPath(), ["jupyter", "--install", "--force"]))) {
  await run(Deno.execPath(), ["jupyter", "--install"]);
}
console.log("Caching npm packages for offline use …");
await run(Deno.execPath(), ["cache", `${root}/lib/mod.ts`], true);
await plotlySource();
// Put plotly.js where the classic notebook serves it, so saved notebooks are interactive offline
// even before a setup cell has run on this machine.
if (!(await installPlotlyForClassic())) {
  console.warn("Could not copy plotly.js into Jupyter's nbextensions; figures show as pictures.");
}

const extra = Deno.args[0] === "--" ? Deno.args.slice(1) : Deno.args;
// Jupyter refuses to run as root unless told; containers and CI machines often are root.
const dirArgs = [`--notebook-dir=${root}`, ...(Deno.uid() === 0 ? ["--allow-root"] : [])];
if (await run("jupyter", ["lab", "--version"], true)) {
  console.log("Starting JupyterLab; open notebooks/00_tour.ipynb first.");
  Deno.exit((await run("jupyter", ["lab", ...dirArgs, ...extra])) ? 0 : 1);
}
if (await run("jupyter", ["notebook", "--version"], true)) {
  console.log(
    "JupyterLab is not installed; starting the classic notebook. Open notebooks/00_tour.ipynb first.",
  );
  Deno.exit((await run("jupyter", ["notebook", ...dirArgs, ...extra])) ? 0 : 1);
}
console.error(installHelp());
Deno.exit(1);
