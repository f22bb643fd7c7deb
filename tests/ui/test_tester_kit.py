"""The tester's kit works as shipped: from an installed package, on a pack copied anywhere."""

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "example-pack"
ENV = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}


def run(*command, cwd, timeout=240):
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env={**ENV, "HOME": str(cwd)}
    )


def test_a_fresh_venv_with_only_the_installed_package_runs_a_clinics_tests(tmp_path):
    wheels = tmp_path / "wheels"
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        str(ROOT),
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(wheels),
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path).returncode == 0
    python = venv / "bin" / "python"
    site = Path(
        run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path).stdout.strip()
    )
    # The dependencies (Qt, pytest...) come from the project's environment; the guide itself only from the wheel.
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (wheel,) = wheels.glob("recovery_guide-*.whl")
    installed = run(str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel), cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    where = run(str(python), "-c", "import guide; print(guide.__file__)", cwd=tmp_path).stdout.strip()
    assert where.startswith(str(venv)), where  # not the source tree
    pack = tmp_path / "springfield-pack"
    shutil.copytree(EXAMPLE, pack)
    result = run(str(python), "-m", "pytest", str(pack / "tests"), "-q", "-p", "no:cacheprovider", cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "7 passed" in result.stdout


def test_guide_check_pytest_runs_the_generic_ui_checks_on_a_pack(tmp_path):
    good = run(sys.executable, str(ROOT / "main.py"), "check", "--pytest", str(EXAMPLE), cwd=tmp_path)
    assert good.returncode == 0 and "5 passed" in good.stdout, good.stdout[-2000:]
    broken = tmp_path / "broken"
    shutil.copytree(EXAMPLE, broken)
    page = broken / "en" / "articles" / "our-clinic.md"
    page.write_text(page.read_text().replace("(services:)", "(no-such-page.md)"))
    bad = run(sys.executable, str(ROOT / "main.py"), "check", "--pytest", str(broken), cwd=tmp_path)
    assert bad.returncode == 1 and "article:no-such-page" in bad.stdout  # the link, as the page has it
