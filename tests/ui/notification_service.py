# ruff: noqa: F821, F722
# (D-Bus signatures are written as annotations, the way dbus-fast reads them)
"""A small ``org.freedesktop.Notifications`` service for the tests, on a bus they start.

    python tests/ui/notification_service.py BUS_ADDRESS RECORD_FILE

Records every ``Notify`` call as one JSON line in RECORD_FILE (the id it answered
with, the app name, summary, body, actions and hint names), and offers the tests
``org.cxjournal.TestControl.Invoke(id, action)``, which emits ``ActionInvoked`` as a
notification server does when the user clicks. Prints "ready" once it owns its name.
"""

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method, signal

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Notifications(ServiceInterface):
    def __init__(self, record: Path) -> None:
        super().__init__(NAME)
        self.record = record
        self.next_id = 0

    @method()
    def Notify(
        self,
        app_name: "s",
        replaces_id: "u",
        app_icon: "s",
        summary: "s",
        body: "s",
        actions: "as",
        hints: "a{sv}",
        expire_timeout: "i",
    ) -> "u":
        self.next_id += 1
        entry: dict[str, Any] = {
            "id": self.next_id,
            "app_name": app_name,
            "app_icon": app_icon,
            "summary": summary,
            "body": body,
            "actions": list(actions),
            "hints": sorted(hints),
        }
        with self.record.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")
        return self.next_id

    @method()
    def GetCapabilities(self) -> "as":
        return ["actions", "body"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["cxjournal-test", "tests", "1", "1.2"]

    @method()
    def CloseNotification(self, id: "u") -> None:
        self.NotificationClosed(id, 3)

    @signal()
    def ActionInvoked(self, id: "u", key: "s") -> "us":
        return [id, key]

    @signal()
    def NotificationClosed(self, id: "u", reason: "u") -> "uu":
        return [id, reason]


class Control(ServiceInterface):
    def __init__(self, notifications: Notifications) -> None:
        super().__init__("org.cxjournal.TestControl")
        self.notifications = notifications

    @method()
    def Invoke(self, id: "u", key: "s") -> None:
        self.notifications.ActionInvoked(id, key)


async def main(address: str, record: Path) -> None:
    bus = await MessageBus(bus_address=address).connect()
    notifications = Notifications(record)
    bus.export(PATH, notifications)
    bus.export(PATH, Control(notifications))
    await bus.request_name(NAME)
    print("ready", flush=True)
    await bus.wait_for_disconnect()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2])))
