"""The icons for every desktop, drawn at build time from resources/icons/cxjournal.svg."""

from __future__ import annotations

import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader


def image_sizes(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_every_icon_is_drawn_from_the_one_svg(
    qapp: object, make_icons: ModuleType, tmp_path: Path
) -> None:
    written = make_icons.generate(tmp_path)

    hicolor = tmp_path / "hicolor"
    for size in make_icons.HICOLOR_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / "io.github.cxjournal.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner stays transparent
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
    scalable = hicolor / "scalable" / "apps" / "io.github.cxjournal.svg"
    assert scalable.read_bytes() == make_icons.SOURCE_SVG.read_bytes()
    assert sorted(written) == sorted(p for p in tmp_path.rglob("*") if p.is_file())


def test_ico_and_icns_hold_every_size_and_qt_reads_them(
    qapp: object, make_icons: ModuleType, tmp_path: Path
) -> None:
    make_icons.generate(tmp_path)

    ico = tmp_path / "cxjournal.ico"
    assert ico.read_bytes()[:6] == struct.pack("<HHH", 0, 1, len(make_icons.ICO_SIZES))
    assert image_sizes(ico) == list(make_icons.ICO_SIZES)

    icns = tmp_path / "cxjournal.icns"
    data = icns.read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    assert image_sizes(icns) == [size for _, size in make_icons.ICNS_TYPES]


def test_an_ico_refuses_images_over_256_pixels(make_icons: ModuleType) -> None:
    with pytest.raises(ValueError, match="at most 256"):
        make_icons.ico_bytes({512: b"png"})


# Qt says why it cannot read the file; that warning is what this test provokes
@pytest.mark.qt_log_ignore(r"^Cannot read file '.*broken\.svg', because: Premature end")
def test_a_file_qt_cannot_draw_is_refused(
    qapp: object, make_icons: ModuleType, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg")
    with pytest.raises(ValueError, match="not an SVG"):
        make_icons.render_png(broken, 16)
