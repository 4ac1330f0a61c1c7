#include "DatabaseFileController.h"

#include "DatabaseSession.h"
#include "RecentDatabases.h"
#include "util/FileKind.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace {
const QString databaseFilter =
    QStringLiteral("SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)");
}

DatabaseFileController::DatabaseFileController(DatabaseSession *session, QWidget *dialogParent,
                                               QObject *parent)
    : QObject(parent), m_session(session), m_dialogParent(dialogParent)
{
    connect(m_session, &DatabaseSession::opened, this, [this](const QString &path) {
        RecentDatabases::add(path);
        QSettings().setValue(QStringLiteral("lastDatabaseFolder"), QFileInfo(path).absolutePath());
    });
}

void DatabaseFileController::connectActions(QAction *newAction, QAction *openAction,
                                            QMenu *recentMenu)
{
    connect(newAction, &QAction::triggered, this, &DatabaseFileController::newDatabase);
    connect(openAction, &QAction::triggered, this, &DatabaseFileController::openDatabase);
    m_recentMenu = recentMenu;
    connect(recentMenu, &QMenu::aboutToShow, this, &DatabaseFileController::fillRecentMenu);
    // Menus that are never shown still need an entry, or the submenu looks broken.
    fillRecentMenu();
}

QString DatabaseFileController::lastFolder() const
{
    return QSettings().value(QStringLiteral("lastDatabaseFolder"), QDir::homePath()).toString();
}

void DatabaseFileController::newDatabase()
{
    // The dialog adds the suffix itself, so that its "replace it?" question is asked of the
    // file that would really be replaced (x → x.sqlite), not of a name that does not exist.
    QFileDialog dialog(m_dialogParent, tr("New Database"),
                       QDir(lastFolder()).filePath(tr("untitled.sqlite")), databaseFilter);
    dialog.setObjectName(QStringLiteral("newDatabaseDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QStringLiteral("sqlite"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    if (canLeave())
        m_session->create(dialog.selectedFiles().constFirst());
}

void DatabaseFileController::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open Database"),
                                                      lastFolder(), databaseFilter);
    if (!path.isEmpty() && canLeave())
        m_session->open(path);
}

bool DatabaseFileController::canOpen(const QString &path)
{
    const FileKind::Kind kind = FileKind::detect(path);
    return kind == FileKind::SqliteDatabase || kind == FileKind::DataFile;
}

bool DatabaseFileController::openFiles(const QStringList &paths)
{
    QStringList dataFiles;
    QString database;
    QStringList rejected;
    for (const QString &path : paths) {
        switch (FileKind::detect(path)) {
        case FileKind::SqliteDatabase:
            if (database.isEmpty())
                database = path;
            break;
        case FileKind::DataFile:
            dataFiles << path;
            break;
        case FileKind::Missing:
        case FileKind::Unsupported:
            rejected << QFileInfo(path).fileName();
            break;
        }
    }
    if (!rejected.isEmpty())
        Q_EMIT message(tr("Not a SQLite database or a CSV/TSV/JSON/JSONL file: %1")
                           .arg(rejected.join(QStringLiteral(", "))));
    if (!database.isEmpty() && canLeave())
        m_session->open(database);
    if (!dataFiles.isEmpty())
        Q_EMIT importRequested(dataFiles);
    return !database.isEmpty() || !dataFiles.isEmpty();
}

void DatabaseFileController::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = RecentDatabases::list();
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString &path = paths[i];
        // Two databases with one name in different folders stay apart; 1-9 are mnemonics.
        const QFileInfo info(path);
        QString name = info.fileName().replace(u'&', QStringLiteral("&&"));
        QString folder =
            QDir::toNativeSeparators(info.absolutePath()).replace(u'&', QStringLiteral("&&"));
        const QString text = i < 9 ? QStringLiteral("&%1 %2 — %3").arg(i + 1).arg(name, folder)
                                   : QStringLiteral("%1 — %2").arg(name, folder);
        QAction *action = m_recentMenu->addAction(text);
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                RecentDatabases::remove(path);
                Q_EMIT message(tr("%1 no longer exists; removed from Open Recent").arg(path));
                return;
            }
            if (canLeave())
                m_session->open(path);
        });
    }
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this,
            [] { RecentDatabases::clear(); });
}
