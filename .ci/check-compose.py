#!/usr/bin/env python3
"""Check docker-compose.yml without a Docker engine.

    python3 .ci/check-compose.py [COMPOSE_FILE [ENV_EXAMPLE]] [--project-dir DIR]

Defaults: docker-compose.yml and .env.example in the current directory (the repository root).
Relative paths in the compose file resolve against --project-dir, which defaults to the
compose file's directory, as with `docker compose`.

Checks:
  - the file parses as YAML, with no duplicate keys, and has services;
  - every service has `image` or `build`, and only keys the Compose Specification knows;
  - every ${VAR} it references is defined in the env example, and every variable there is
    used and has a comment line above it;
  - every service has a healthcheck (the application's: the scheduler's heartbeat file);
  - depends_on names existing services, with valid conditions (service_healthy only on a
    service that has a healthcheck), and has no cycle;
  - every named volume used is declared, and every declared one is used;
  - every bind mount, build context, Dockerfile, env_file and config file exists inside the
    project, and so does every file a Dockerfile COPYs from its context; a build that copies
    its whole context keeps .env out through .dockerignore;
  - a secret's file (e.g. the pseudonymisation key) is inside the project and ignored by git:
    the operator creates it, so it need not exist, but it must never be committed;
  - no literal secret: a value whose key contains PASSWORD, SECRET or KEY is a ${VAR}
    reference without a default;
  - every secret in the env example is a change-me placeholder, which the services refuse at
    start-up, so a copied example never runs with a known password;
  - no host port is published twice;
  - and, when a Compose v2 CLI is installed, `docker compose --env-file ENV config -q`.

Prints `compose: N services checked, ok` and exits 0, or lists every problem and exits 1.
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit("check-compose: PyYAML is missing (pip install pyyaml)")

# Services allowed to run without a healthcheck. None: the application runs as the scheduler
# daemon (`schedule`), whose heartbeat file its healthcheck probes.
NO_HEALTHCHECK = set()
SECRET_KEY_WORDS = ("PASSWORD", "SECRET", "KEY")
DEPENDS_ON_CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
TOP_LEVEL_KEYS = {"name", "services", "networks", "volumes", "secrets", "configs", "include", "models"}
# Service keys of the Compose Specification (the schema inside Compose v2.40.3): a typo is an
# error even where no Compose CLI runs to validate the whole schema.
SERVICE_KEYS = {"annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop",
    "cgroup", "cgroup_parent", "command", "configs", "container_name", "cpu_count",
    "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares",
    "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
    "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname",
    "entrypoint", "env_file", "environment", "expose", "extends", "external_links",
    "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc",
    "isolation", "label_file", "labels", "links", "logging", "mac_address", "mem_limit",
    "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode", "networks",
    "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports",
    "post_start", "pre_stop", "privileged", "profiles", "provider", "pull_policy",
    "pull_refresh_after", "read_only", "restart", "runtime", "scale", "secrets",
    "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal",
    "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user",
    "userns_mode", "uts", "volumes", "volumes_from", "working_dir"}
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Problems(list):
    def add(self, where, message):
        self.append(f"{where}: {message}")


# --- YAML -------------------------------------------------------------------------------

class StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys, as `docker compose` does."""


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None,
                f"duplicate key {key!r} (first at line {seen[key] + 1})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --- .env.example -----------------------------------------------------------------------

def read_env_example(path, problems):
    """KEY=VALUE lines; returns {key: value}. Each key needs a comment line right above it."""
    values = {}
    previous = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        where = f"{path.name}:{number}"
        if line and not line.startswith("#"):
            match = re.fullmatch(r"(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)", line)
            if not match:
                problems.add(where, f"not a KEY=VALUE line: {raw!r}")
            else:
                key, value = match.group(1), match.group(2).strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1]
                if key in values:
                    problems.add(where, f"{key} is defined twice")
                if not previous.startswith("#"):
                    problems.add(where, f"{key} has no comment line above it saying what it is")
                values[key] = value
        previous = line
    return values


# --- interpolation (compose rules: $$, $VAR, ${VAR}, ${VAR:-x} ${VAR-x} ${VAR:?x} ${VAR?x}
#     ${VAR:+x} ${VAR+x}, defaults may nest) ----------------------------------------------

def interpolate(text, env, refs, where, problems):
    out, i = [], 0
    while i < len(text):
        if text[i] != "$":
            out.append(text[i])
            i += 1
        elif text.startswith("$$", i):
            out.append("$")
            i += 2
        elif text.startswith("${", i):
            value, i = _braced(text, i + 2, env, refs, where, problems)
            out.append(value)
        else:
            match = NAME.match(text, i + 1)
            if not match:
                problems.add(where, f"lone '$' in {text!r}: write $$ for a literal dollar sign")
                out.append("$")
                i += 1
                continue
            refs.add(match.group())
            out.append(env.get(match.group(), ""))
            i = match.end()
    return "".join(out)


def _braced(text, start, env, refs, where, problems):
    """Expand ${...} whose body starts at `start`; return (value, index after the '}')."""
    depth, end = 1, start
    while end < len(text) and depth:
        if text.startswith("${", end):
            depth, end = depth + 1, end + 2
            continue
        if text[end] == "}":
            depth -= 1
        end += 1
    if depth:
        problems.add(where, f"unclosed '${{' in {text!r}")
        return "", len(text)
    body = text[start:end - 1]
    match = NAME.match(body)
    if not match:
        problems.add(where, f"invalid interpolation '${{{body}}}': expected a variable name")
        return "", end
    name, rest = match.group(), body[match.end():]
    refs.add(name)
    is_set, value = name in env, env.get(name, "")
    operator = next((op for op in (":-", ":?", ":+", "-", "?", "+") if rest.startswith(op)), None)
    if operator is None:
        if rest:
            problems.add(where, f"invalid interpolation '${{{body}}}'")
        return value, end
    argument = rest[len(operator):]
    if operator in (":?", "?"):
        # an undefined variable is reported once, by check(); here only a defined but empty one
        if is_set and operator == ":?" and not value:
            problems.add(where, f"${{{name}}} is required ({argument or 'no message'}) "
                                "but is empty in the env file")
        return value, end
    expanded = interpolate(argument, env, refs, where, problems)
    if operator == ":-":
        return (value if value else expanded), end
    if operator == "-":
        return (value if is_set else expanded), end
    if operator == ":+":
        return (expanded if value else ""), end
    return (expanded if is_set else ""), end  # "+"


def resolve(node, env, refs, where, problems):
    """A copy of the parsed compose file with every string value interpolated."""
    if isinstance(node, dict):
        separator = "" if where.endswith(" ") else "."
        return {key: resolve(value, env, refs, f"{where}{separator}{key}", problems)
                for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(value, env, refs, f"{where}[{index}]", problems)
                for index, value in enumerate(node)]
    if isinstance(node, str):
        return interpolate(node, env, refs, where, problems)
    return node


# --- helpers ----------------------------------------------------------------------------

def as_mapping(value):
    """environment / build.args / labels: a mapping, or a list of KEY=VALUE strings."""
    if isinstance(value, dict):
        return value
    result = {}
    for item in value or []:
        key, sep, rest = str(item).partition("=")
        result[key] = rest if sep else None
    return result


def inside_project(project, relative, where, what, problems, want_dir=None):
    """`relative` (a path from the compose file) must exist inside the project directory."""
    if not relative:
        problems.add(where, f"empty {what} path")
        return None
    path = (project / os.path.expanduser(relative)).resolve()
    if path != project and project not in path.parents:
        problems.add(where, f"{what} {relative!r} is outside the repository ({path})")
        return None
    if not path.exists():
        problems.add(where, f"{what} {relative!r} does not exist ({path})")
        return None
    if want_dir is True and not path.is_dir():
        problems.add(where, f"{what} {relative!r} is not a directory")
    if want_dir is False and not path.is_file():
        problems.add(where, f"{what} {relative!r} is not a file")
    return path


def parse_volume(entry):
    """(kind, source, target) of a service volume, short or long syntax."""
    if isinstance(entry, dict):
        return entry.get("type", "volume"), entry.get("source"), entry.get("target")
    parts = str(entry).split(":")
    if len(parts) == 1:
        return "anonymous", None, parts[0]
    source, target = parts[0], parts[1]
    kind = "bind" if source.startswith((".", "/", "~")) else "volume"
    return kind, source, target


def dockerfile_instructions(path):
    """(line number, instruction, arguments) of a Dockerfile, continuation lines joined."""
    result, pending, first = [], "", None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue
        first = first or number
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        words = (pending + stripped).split(None, 1)
        result.append((first, words[0].upper(), words[1] if len(words) > 1 else ""))
        pending, first = "", None
    return result


def check_dockerfile(context, dockerfile, where, problems):
    """COPY/ADD sources from the build context exist; copying `.` requires .env in .dockerignore."""
    copies_whole_context = False
    for number, instruction, arguments in dockerfile_instructions(dockerfile):
        if instruction not in ("COPY", "ADD") or arguments.startswith("["):
            continue
        words = arguments.split()
        if any(word.startswith("--from=") for word in words):
            continue
        sources = [word for word in words if not word.startswith("--")][:-1]
        for source in sources:
            if re.match(r"^[a-z]+://", source) or source.startswith("git@"):
                continue
            if source.strip("/") in (".", ""):
                copies_whole_context = True
                continue
            if not glob.glob(str(context / source)):
                problems.add(f"{where} ({dockerfile.name}:{number})",
                             f"{instruction} source {source!r} is not in the build context {context}")
    if copies_whole_context:
        ignore = context / ".dockerignore"
        patterns = ignore.read_text(encoding="utf-8").split() if ignore.is_file() else []
        if not {".env", "/.env", "**/.env", ".env*", "*.env"} & set(patterns):
            problems.add(where, f"{dockerfile.name} copies the whole build context but "
                                f"{ignore} does not exclude .env (secrets would enter the image)")


def published_host_ports(ports):
    result = []
    for entry in ports or []:
        if isinstance(entry, dict):
            if entry.get("published"):
                result.append((str(entry.get("host_ip", "")), str(entry["published"]),
                               entry.get("protocol", "tcp")))
            continue
        text, _, protocol = str(entry).partition("/")
        parts = text.rsplit(":", 2)
        if len(parts) >= 2:
            host_ip = parts[0] if len(parts) == 3 else ""
            result.append((host_ip, parts[-2], protocol or "tcp"))
    return result


def secret_key(name):
    upper = str(name).upper()
    return any(word in upper for word in SECRET_KEY_WORDS) and not upper.endswith(("_FILE", "_PATH"))


def check_env_example_secrets(env, env_name, problems):
    """Every secret of the example is a placeholder the services refuse (change-me...)."""
    for key, value in env.items():
        if secret_key(key) and not value.lower().startswith("change-me"):
            problems.add(f"{env_name}: {key}", "a secret in the example must be a change-me placeholder "
                                               "(the services refuse it at start-up), not a usable value")


def git_ignored(project, path):
    """True/False when git can tell whether `path` is ignored in `project`, else None."""
    if not shutil.which("git"):
        return None
    try:
        result = subprocess.run(["git", "-C", str(project), "check-ignore", "-q", "--no-index", str(path)],
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {0: True, 1: False}.get(result.returncode)


def check_secret_file(project, relative, where, problems):
    """A secret's file: inside the project, never committed; the operator creates it."""
    if not relative:
        problems.add(where, "empty secret file path")
        return
    path = (project / os.path.expanduser(relative)).resolve()
    if path != project and project not in path.parents:
        problems.add(where, f"secret file {relative!r} is outside the repository ({path})")
        return
    ignored = git_ignored(project, path)
    if ignored is None:
        first = path.relative_to(project).parts[0]
        gitignore = project / ".gitignore"
        lines = gitignore.read_text(encoding="utf-8").split() if gitignore.is_file() else []
        ignored = any(line.strip("/") == first for line in lines)
    if not ignored:
        problems.add(where, f"secret file {relative!r} is not ignored by git: add its folder to .gitignore "
                            f"so the key is never committed")


def check_secret_value(key, value, where, problems):
    text = "" if value is None else str(value)
    match = re.fullmatch(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?\?)[^}]*)?\}", text)
    if match:
        return
    if re.fullmatch(r"\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-+]).*\}", text):
        problems.add(where, f"{key} has a default value in the compose file; a secret comes "
                            f"only from .env: write ${{VAR}} or ${{VAR:?message}}")
    else:
        problems.add(where, f"{key} looks like a secret but its value is not a ${{VAR}} "
                            f"reference to .env (got {text!r})")


# --- the checks -------------------------------------------------------------------------

def check(compose_path, env_path, project, problems):
    label = compose_path.name
    try:
        raw = yaml.load(compose_path.read_text(encoding="utf-8"), Loader=StrictLoader)
    except yaml.YAMLError as error:
        problems.add(label, f"not valid YAML: {error}")
        return 0
    if not isinstance(raw, dict) or not isinstance(raw.get("services"), dict) or not raw["services"]:
        problems.add(label, "no `services:` mapping")
        return 0
    for key in raw:
        if key == "version":
            problems.add(f"{label}: version", "obsolete in the Compose Specification: remove it")
        elif key not in TOP_LEVEL_KEYS and not str(key).startswith("x-"):
            problems.add(f"{label}: {key}", "unknown top-level key")

    env = read_env_example(env_path, problems)
    check_env_example_secrets(env, env_path.name, problems)
    refs = set()
    compose = resolve(raw, env, refs, f"{label}: ", problems)
    for name in sorted(refs - env.keys()):
        problems.add(label, f"${{{name}}} is used but not defined in {env_path.name}")
    for name in sorted(env.keys() - refs):
        problems.add(env_path.name, f"{name} is defined but {label} never uses it")

    services = compose["services"]
    with_healthcheck = {name for name, service in services.items()
                        if isinstance(service, dict) and (service.get("healthcheck") or {}).get("test")
                        and not service["healthcheck"].get("disable")}
    declared_volumes = compose.get("volumes") or {}
    used_volumes, host_ports = set(), {}
    for name, service in services.items():
        where = f"{label}: services.{name}"
        if not isinstance(service, dict):
            problems.add(where, "is not a mapping")
            continue
        for key in service:
            if key not in SERVICE_KEYS and not str(key).startswith("x-"):
                problems.add(where, f"unknown key {key!r}")
        if not service.get("image") and not service.get("build"):
            problems.add(where, "has neither `image` nor `build`")

        if name not in NO_HEALTHCHECK and name not in with_healthcheck:
            problems.add(where, "has no healthcheck (healthcheck.test)")

        check_depends_on(where, name, service, services, with_healthcheck, problems)
        used_volumes |= check_volumes(where, service, declared_volumes, project, problems)
        check_build(where, service, project, problems)
        check_env_files(where, service, project, problems)
        check_secrets(where, raw["services"][name], problems)
        for host_ip, port, protocol in published_host_ports(service.get("ports")):
            key = (host_ip, port, protocol)
            if key in host_ports:
                problems.add(f"{where}.ports", f"host port {port}/{protocol} is already "
                                               f"published by {host_ports[key]}")
            host_ports[key] = name

    for volume in sorted(set(declared_volumes) - used_volumes):
        problems.add(f"{label}: volumes.{volume}", "declared but no service mounts it")
    for name, definition in (compose.get("secrets") or {}).items():
        if isinstance(definition, dict) and "file" in definition:
            check_secret_file(project, definition["file"], f"{label}: secrets.{name}", problems)
    for name, definition in (compose.get("configs") or {}).items():
        if isinstance(definition, dict) and definition.get("file"):
            inside_project(project, definition["file"], f"{label}: configs.{name}",
                           "file", problems, want_dir=False)
    check_cycles(services, label, problems)
    return len(services)


def check_depends_on(where, name, service, services, with_healthcheck, problems):
    depends_on = service.get("depends_on") or {}
    if isinstance(depends_on, list):
        depends_on = {target: {"condition": "service_started"} for target in depends_on}
    for target, options in depends_on.items():
        condition = (options or {}).get("condition", "service_started")
        if target not in services:
            problems.add(f"{where}.depends_on", f"unknown service {target!r}")
        elif target == name:
            problems.add(f"{where}.depends_on", "a service cannot depend on itself")
        elif condition not in DEPENDS_ON_CONDITIONS:
            problems.add(f"{where}.depends_on.{target}", f"unknown condition {condition!r} "
                         f"(one of {', '.join(sorted(DEPENDS_ON_CONDITIONS))})")
        elif condition == "service_healthy" and target not in with_healthcheck:
            problems.add(f"{where}.depends_on.{target}",
                         f"waits for service_healthy but {target!r} has no healthcheck")


def check_volumes(where, service, declared_volumes, project, problems):
    """Named volumes must be declared, bind sources must exist; returns the named ones used."""
    used = set()
    for index, entry in enumerate(service.get("volumes") or []):
        kind, source, _ = parse_volume(entry)
        at = f"{where}.volumes[{index}]"
        if kind == "volume" and source:
            used.add(source)
            if source not in declared_volumes:
                problems.add(at, f"named volume {source!r} is not declared under top-level `volumes:`")
        elif kind == "bind":
            inside_project(project, source, at, "bind-mount source", problems)
    return used


def check_build(where, service, project, problems):
    build = service.get("build")
    if not build:
        return
    build = {"context": build} if isinstance(build, str) else build
    context_text = build.get("context", ".")
    if re.match(r"^([a-z]+://|git@)", context_text):
        return
    context = inside_project(project, context_text, f"{where}.build", "build context",
                             problems, want_dir=True)
    if context and not build.get("dockerfile_inline"):
        dockerfile = inside_project(context, build.get("dockerfile", "Dockerfile"),
                                    f"{where}.build", "Dockerfile", problems, want_dir=False)
        if dockerfile:
            check_dockerfile(context, dockerfile, f"{where}.build", problems)


def check_env_files(where, service, project, problems):
    env_files = service.get("env_file") or []
    for entry in [env_files] if isinstance(env_files, (str, dict)) else env_files:
        entry = {"path": entry} if isinstance(entry, str) else entry
        if entry.get("required", True):
            inside_project(project, entry.get("path"), f"{where}.env_file", "env_file",
                           problems, want_dir=False)


def check_secrets(where, raw_service, problems):
    """Judged on the service as written, before interpolation."""
    build = raw_service.get("build")
    sections = (("environment", raw_service.get("environment")),
                ("build.args", build.get("args") if isinstance(build, dict) else None))
    for section, values in sections:
        for key, value in as_mapping(values).items():
            if secret_key(key):
                check_secret_value(key, value, f"{where}.{section}.{key}", problems)


def check_cycles(services, label, problems):
    def targets(name):
        depends_on = (services.get(name) or {}).get("depends_on") or {}
        return [t for t in depends_on if t in services and t != name]

    state = {}

    def visit(name, trail):
        state[name] = "open"
        for target in targets(name):
            if state.get(target) == "open":
                cycle = trail[trail.index(target):] + [target]
                problems.add(label, f"depends_on cycle: {' -> '.join(cycle)}")
            elif target not in state:
                visit(target, trail + [target])
        state[name] = "done"

    for name in services:
        if name not in state:
            visit(name, [name])


# --- `docker compose config`, where a Compose v2 CLI exists -------------------------------

def compose_cli():
    """The command that runs Compose v2 here, or None."""
    candidates = [["docker", "compose"], ["docker-compose"]]
    for command in candidates:
        if not shutil.which(command[0]):
            continue
        try:
            result = subprocess.run(command + ["version"], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        # Compose v2 and later ("Docker Compose version v2.40.3"); never the old Python v1
        if result.returncode == 0 and re.search(r"(?:^|\s)v?([2-9]|\d{2,})\.\d+\.\d+", result.stdout):
            return command, result.stdout.strip()
    return None


def run_compose_config(cli, compose_path, env_path, project, env_names, problems):
    command, _ = cli
    # Only the env file may supply the variables: a shell variable would win over it.
    environment = {k: v for k, v in os.environ.items() if k not in env_names}
    argv = command + ["--project-directory", str(project), "-f", str(compose_path),
                      "--env-file", str(env_path), "config", "-q"]
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=environment)
    except subprocess.TimeoutExpired:
        problems.add(" ".join(command), "config -q timed out")
        return
    # Some wrappers lose the exit code, and warnings only reach stderr: both count.
    output = (result.stderr + result.stdout).strip()
    if result.returncode != 0 or output:
        problems.add(f"{' '.join(command)} config -q (exit {result.returncode})",
                     output or "failed without a message")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("compose", nargs="?", default="docker-compose.yml")
    parser.add_argument("env_example", nargs="?", default=".env.example")
    parser.add_argument("--project-dir", help="directory relative paths resolve against "
                                              "(default: the compose file's directory)")
    args = parser.parse_args()

    compose_path, env_path = Path(args.compose).resolve(), Path(args.env_example).resolve()
    for path in (compose_path, env_path):
        if not path.is_file():
            sys.exit(f"check-compose: {path} not found (run from the repository root)")
    project = Path(args.project_dir).resolve() if args.project_dir else compose_path.parent

    problems = Problems()
    count = check(compose_path, env_path, project, problems)

    cli = compose_cli()
    if cli:
        env_names = set(re.findall(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=",
                                   env_path.read_text(encoding="utf-8"), re.M))
        run_compose_config(cli, compose_path, env_path, project, env_names, problems)
        compose_note = f"{' '.join(cli[0])} config -q: ok"
    else:
        compose_note = "docker compose config: skipped, no Compose v2 CLI"

    if problems:
        for problem in problems:
            print(f"check-compose: {problem}", file=sys.stderr)
        print(f"compose: {len(problems)} problem(s) in {compose_path.name}", file=sys.stderr)
        return 1
    print(f"compose: {count} services checked, ok ({compose_note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
