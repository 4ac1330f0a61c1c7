#pragma once

#include "RowEdits.h"

#include <QHash>
#include <QMap>
#include <QStringList>
#include <QVariantList>
#include <optional>

// Changes made in the data view that are not written yet: values set in existing rows (by the
// row's key), rows deleted, rows added at the end. What the view shows until Write Changes
// hands them to RowEdits, or Revert Changes drops them.
class PendingEdits
{
public:
    using Key = QVariantList;
    // Where a change is: an existing row's key, or the index of an added row; and its column
    // (-1 for a whole row).
    struct Place
    {
        Key key;
        int added = -1;
        int column = -1;
    };

    // A value set in an existing row; setting the original value back drops the change.
    void set(const Key &key, int column, const QVariant &value, const QVariant &original);
    std::optional<QVariant> value(const Key &key, int column) const;
    void remove(const Key &key);
    bool isRemoved(const Key &key) const { return m_removed.contains(text(key)); }

    // Rows added at the end, each with the values given so far (the others get their
    // defaults).
    int add();
    void setAdded(int row, int column, const QVariant &value);
    std::optional<QVariant> addedValue(int row, int column) const;
    void dropAdded(int row);
    int addedCount() const { return int(m_added.size()); }

    int count() const;
    bool isEmpty() const { return count() == 0; }
    void clear();

    // The changes in the order they are written (values set, rows deleted, rows added), and
    // where each one is.
    QList<RowEdits::Change> changes(const QStringList &columns, QList<Place> *places) const;

private:
    static QString text(const Key &key);

    QMap<QString, Key> m_keys;                    // by text(key), in a stable order
    QHash<QString, QMap<int, QVariant>> m_values; // by text(key): column -> value
    QHash<QString, Key> m_removed;
    QList<QMap<int, QVariant>> m_added;
};
