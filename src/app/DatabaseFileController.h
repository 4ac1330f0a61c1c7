#pragma once

#include <QObject>
#include <QStringList>
#include <functional>

class DatabaseSession;
class QAction;
class QMenu;
class QWidget;

// File > New Database…, Open Database…, Open Recent, and files handed over by drag-and-drop
// or the command line: decides what each file is and opens databases in the session.
class DatabaseFileController : public QObject
{
    Q_OBJECT
public:
    DatabaseFileController(DatabaseSession *session, QWidget *dialogParent, QObject *parent);

    void connectActions(QAction *newAction, QAction *openAction, QMenu *recentMenu);
    // Opens the first database among the files and hands data files on as import requests.
    // Returns false if nothing in the list could be used.
    bool openFiles(const QStringList &paths);
    static bool canOpen(const QString &path);
    // Asked before another database replaces the open one (changes not written yet); false
    // keeps the open one.
    void setLeaveCheck(std::function<bool()> canLeave) { m_canLeave = std::move(canLeave); }

public Q_SLOTS:
    void newDatabase();
    void openDatabase();

Q_SIGNALS:
    void importRequested(const QStringList &paths);
    void message(const QString &text);

private:
    void fillRecentMenu();
    QString lastFolder() const;

    DatabaseSession *m_session;
    QWidget *m_dialogParent;
    QMenu *m_recentMenu = nullptr;
    std::function<bool()> m_canLeave;
    bool canLeave() const { return !m_canLeave || m_canLeave(); }
};
