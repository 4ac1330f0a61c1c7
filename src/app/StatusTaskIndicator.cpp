#include "StatusTaskIndicator.h"

#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

StatusTaskIndicator::StatusTaskIndicator(QStatusBar *statusBar, const QString &format,
                                         const QString &cancelTip)
    : QObject(statusBar), m_progress(new QProgressBar(statusBar)),
      m_cancel(new QToolButton(statusBar))
{
    m_progress->setRange(0, Steps);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(format);
    m_progress->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(cancelTip);
    m_cancel->hide();
    statusBar->addPermanentWidget(m_progress);
    statusBar->addPermanentWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &StatusTaskIndicator::cancelRequested);
}

void StatusTaskIndicator::start(bool indeterminate)
{
    m_progress->setRange(0, indeterminate ? 0 : Steps);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
}

void StatusTaskIndicator::setProgress(int steps)
{
    m_progress->setValue(steps);
}

void StatusTaskIndicator::stop()
{
    m_progress->hide();
    m_cancel->hide();
}
