#!/usr/bin/env python3
"""Runs one job of a GitHub Actions workflow on this machine, as the runner would run its `run:` steps.

    python3 scripts/ci/run-workflow.py .github/workflows/docs.yml --job build --output pages.base_path=/docs

Each `run:` step runs in order with bash (`--noprofile --norc -eo pipefail`, GitHub's default), in the current
folder as the workspace, with the runner's files: `$RUNNER_TEMP`, `$GITHUB_PATH` (lines added to PATH for the
steps after), `$GITHUB_ENV`, `$GITHUB_OUTPUT`. `${{ … }}` in a step's `env:` and `run:` is replaced from the
`--output STEP.NAME=VALUE` values (what a `uses:` step would have set) and a small `github` context; any other
expression fails the run rather than running a command the workflow does not mean. `uses:` steps are skipped
(their work is the machine's: the checkout is the working tree). A step's failure stops the job with its code.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def substitute(text: str, context: dict) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in context:
            sys.exit(f"run-workflow: no value for ${{{{ {name} }}}} (pass --output for a step's outputs)")
        return context[name]

    return EXPRESSION.sub(value, str(text))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("workflow")
    parser.add_argument("--job", required=True)
    parser.add_argument("--output", action="append", default=[], help="STEP.NAME=VALUE for a skipped step")
    args = parser.parse_args()

    with open(args.workflow, encoding="utf-8") as file:
        workflow = yaml.safe_load(file)
    job = workflow["jobs"][args.job]
    workspace = os.getcwd()
    context = {
        "github.ref": "refs/heads/main",
        "github.event_name": "push",
        "github.workspace": workspace,
        "runner.temp": "",
    }
    for item in args.output:
        key, _, value = item.partition("=")
        step, _, name = key.partition(".")
        context[f"steps.{step}.outputs.{name}"] = value

    with tempfile.TemporaryDirectory(prefix="run-workflow-") as temp:
        context["runner.temp"] = temp
        files = {name: os.path.join(temp, f"_{name}") for name in ("path", "env", "output")}
        env = dict(os.environ)
        env.update(
            {
                "CI": "true",
                "GITHUB_ACTIONS": "true",
                "GITHUB_WORKSPACE": workspace,
                "RUNNER_TEMP": temp,
                "GITHUB_PATH": files["path"],
                "GITHUB_ENV": files["env"],
            }
        )
        env.update({k: substitute(v, context) for k, v in (workflow.get("env") or {}).items()})
        env.update({k: substitute(v, context) for k, v in (job.get("env") or {}).items()})
        for number, step in enumerate(job["steps"], 1):
            name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
            if "uses" in step:
                print(f"[{number}] skipped (a GitHub action): {name}", flush=True)
                continue
            if "if" in step:
                sys.exit(f"run-workflow: step {number} has an `if:` this runner does not evaluate")
            print(f"[{number}] {name}", flush=True)
            for path in files.values():
                open(path, "a").close()
            step_env = dict(env)
            step_env.update({k: substitute(v, context) for k, v in (step.get("env") or {}).items()})
            step_env["GITHUB_OUTPUT"] = files["output"]
            script = substitute(step["run"], context)
            code = subprocess.call(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                cwd=os.path.join(workspace, step.get("working-directory", ".")),
                env=step_env,
            )
            if code != 0:
                print(f"run-workflow: step {number} ({name}) failed with exit code {code}", file=sys.stderr)
                return code
            with open(files["path"]) as added:
                for line in added.read().splitlines():
                    if line.strip():
                        env["PATH"] = line.strip() + os.pathsep + env["PATH"]
            open(files["path"], "w").close()
            with open(files["env"]) as added:
                for line in added.read().splitlines():
                    key, sep, value = line.partition("=")
                    if sep:
                        env[key] = value
            open(files["env"], "w").close()
            if "id" in step:
                with open(files["output"]) as outputs:
                    for line in outputs.read().splitlines():
                        key, sep, value = line.partition("=")
                        if sep:
                            context[f"steps.{step['id']}.outputs.{key}"] = value
            open(files["output"], "w").close()
    print(f"run-workflow: job {args.job} passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
