"""A reference open source license wizard: three yes/no questions about how others may use the code pick
MIT, Apache-2.0, GPL-3.0 or AGPL-3.0; the LICENSE text is filled in with the holder's name and the year
(MIT in full; for the longer licenses the notice their authors ask for, with where to get the full text)."""

import datetime
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

QUESTIONS = (
    (
        "share",
        "Require sharing changes",
        "Must people who change and distribute your code publish their changes under the same license?",
    ),
    (
        "patent",
        "Include patent grant",
        "Should contributors explicitly grant users a licence to any patents their code uses?",
    ),
    (
        "network",
        "Cover network use",
        "If someone runs a changed copy as a web service, must they offer its source to the users?",
    ),
)

MIT = """MIT License

Copyright (c) {year} {name}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

APACHE = """Copyright {year} {name}

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.

(Append the full text from https://www.apache.org/licenses/LICENSE-2.0.txt below this notice.)
"""

GNU = """Copyright (C) {year} {name}

This program is free software: you can redistribute it and/or modify
it under the terms of the {full} as published
by the Free Software Foundation, either version 3 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
{full} for more details.

You should have received a copy of the {full}
along with this program.  If not, see <https://www.gnu.org/licenses/>.

(Append the full text from https://www.gnu.org/licenses/{file} below this notice.)
"""

LICENSES = {
    "MIT": (
        "MIT License",
        "Permissive: anyone may use, change and sell your code, even in closed source, "
        "as long as they keep your copyright notice.",
    ),
    "Apache-2.0": (
        "Apache License 2.0",
        "Permissive like MIT, plus an explicit patent licence from contributors and a notice of changed files.",
    ),
    "GPL-3.0": (
        "GNU General Public License v3.0",
        "Copyleft: whoever distributes a changed version must publish its source under the same license.",
    ),
    "AGPL-3.0": (
        "GNU Affero General Public License v3.0",
        "Strong copyleft that also covers use over a "
        "network: a changed version run as a service must offer its source to its users.",
    ),
}


def recommend(answers):
    if answers["network"]:
        return "AGPL-3.0"
    if answers["share"]:
        return "GPL-3.0"
    return "Apache-2.0" if answers["patent"] else "MIT"


def license_text(spdx, name, year):
    if spdx == "MIT":
        return MIT.format(year=year, name=name)
    if spdx == "Apache-2.0":
        return APACHE.format(year=year, name=name)
    full = LICENSES[spdx][0].removesuffix(" v3.0")
    return GNU.format(year=year, name=name, full=full, file="agpl-3.0.txt" if spdx == "AGPL-3.0" else "gpl-3.0.txt")


class Wizard(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Open Source License Wizard")
        self.answers = {}
        questions = QVBoxLayout()
        questions.addWidget(QLabel("<b>How may others use your code?</b>"))
        for key, option, question in QUESTIONS:
            label = QLabel(question)
            label.setWordWrap(True)
            box = QCheckBox(option)
            questions.addWidget(label)
            questions.addWidget(box)
            self.answers[key] = box
        form = QFormLayout()
        self.name = QLineEdit(placeholderText="Name")
        form.addRow("Name", self.name)
        go, save = QPushButton("Recommend"), QPushButton("Save LICENSE")
        go.clicked.connect(self.recommend)
        save.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(go)
        buttons.addWidget(save)
        self.result = QLabel("Answer the questions, then press Recommend.")
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.text = QPlainTextEdit(readOnly=True, placeholderText="The LICENSE text appears here")
        left = QVBoxLayout()
        left.addLayout(questions)
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.result)
        left.addWidget(self.reason)
        left.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.text, 3)
        self.spdx = None

    def recommend(self):
        self.spdx = recommend({key: box.isChecked() for key, box in self.answers.items()})
        title, why = LICENSES[self.spdx]
        self.result.setText(f"Recommended: {title} ({self.spdx})")
        self.reason.setText(why)
        name = self.name.text().strip() or "[your name]"
        self.text.setPlainText(license_text(self.spdx, name, datetime.date.today().year))

    def save(self):
        if self.spdx is None:
            self.recommend()
        path, _ = QFileDialog.getSaveFileName(self, "Save LICENSE", "LICENSE", "All files (*)")
        if path:
            Path(path).write_text(self.text.toPlainText(), encoding="utf-8")
            self.result.setText(f"Recommended: {LICENSES[self.spdx][0]} ({self.spdx}), saved to {path}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Wizard()
    window.resize(1000, 560)
    window.show()
    sys.exit(app.exec())
