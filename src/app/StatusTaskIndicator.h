#pragma once

#include <QObject>

class QProgressBar;
class QStatusBar;
class QToolButton;

// A progress bar and a Cancel button in the status bar for a background task (import,
// export). Hidden while nothing runs.
class StatusTaskIndicator : public QObject
{
    Q_OBJECT
public:
    static constexpr int Steps = 1000;

    StatusTaskIndicator(QStatusBar *statusBar, const QString &format, const QString &cancelTip);

    // Indeterminate: a busy bar for work whose length is unknown (waiting for an LLM).
    void start(bool indeterminate = false);
    void setProgress(int steps);
    void stop();

Q_SIGNALS:
    void cancelRequested();

private:
    QProgressBar *m_progress;
    QToolButton *m_cancel;
};
