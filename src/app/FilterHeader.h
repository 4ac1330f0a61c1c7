#pragma once

#include <QHeaderView>
#include <QList>
#include <QTimer>

class QLineEdit;

// The data view's column headers with a filter box under each (as in DB Browser for SQLite):
// what is typed there filters the rows (ColumnFilter reads it), all boxes together. The boxes
// follow their sections as columns are resized and the view scrolls. filtersChanged() comes
// a moment after the typing stops, so that each key press does not read the table again.
class FilterHeader : public QHeaderView
{
    Q_OBJECT
public:
    static constexpr int TypingPauseMs = 300;

    explicit FilterHeader(QWidget *parent = nullptr);

    // One box per column (kept when the count does not change); all empty after clear().
    void setColumnCount(int count);
    void clear();
    QString filter(int column) const;
    QLineEdit *editor(int column) const { return m_editors.value(column); }

    QSize sizeHint() const override;

Q_SIGNALS:
    void filtersChanged();

protected:
    void updateGeometries() override;

private:
    void placeEditors();

    QList<QLineEdit *> m_editors;
    QTimer m_pause;
};
