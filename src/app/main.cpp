#include "DatabaseSession.h"
#include "KeyStore.h"
#include "MainWindow.h"
#include "util/AppIdentity.h"
#include "util/FileKind.h"
#include "util/TaskPools.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThreadPool>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppIdentity::apply();
    QApplication::setApplicationDisplayName(AppIdentity::displayName());
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.rowforge.Rowforge"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Browse SQLite databases and grow tables with realistic data."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QStringLiteral("A database to open and/or CSV, TSV, JSON or JSONL files to import."),
        QStringLiteral("[files...]"));
    parser.process(app);

    MainWindow window;
    window.show();
    // Stored API keys join the session as soon as the keychain answers.
    KeyStore::instance()->load();

    const QStringList files = parser.positionalArguments();
    const bool hasDatabase = std::any_of(files.begin(), files.end(), [](const QString &path) {
        return FileKind::detect(path) == FileKind::SqliteDatabase;
    });
    if (!hasDatabase)
        window.session()->openDefault();
    if (!files.isEmpty())
        window.openFiles(files);

    const int status = app.exec();
    // Workers hold their own connections; let them finish before the drivers go away.
    TaskPools::longRunning()->waitForDone();
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
