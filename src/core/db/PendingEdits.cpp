#include "PendingEdits.h"

QString PendingEdits::text(const Key &key)
{
    // Typed, so that the rowid 1 and the text "1" stay apart.
    QString out;
    for (const QVariant &value : key)
        out += QString::number(value.typeId()) + u':' + value.toString() + QChar(0x1f);
    return out;
}

void PendingEdits::set(const Key &key, int column, const QVariant &value, const QVariant &original)
{
    const QString id = text(key);
    // The same value back, of the same type (1 is not "1"), is no change.
    if (value.typeId() == original.typeId() && value == original &&
        value.isNull() == original.isNull()) {
        auto it = m_values.find(id);
        if (it != m_values.end()) {
            it->remove(column);
            if (it->isEmpty()) {
                m_values.erase(it);
                if (!m_removed.contains(id))
                    m_keys.remove(id);
            }
        }
        return;
    }
    m_keys.insert(id, key);
    m_values[id].insert(column, value);
}

std::optional<QVariant> PendingEdits::value(const Key &key, int column) const
{
    const auto it = m_values.constFind(text(key));
    if (it == m_values.constEnd() || !it->contains(column))
        return std::nullopt;
    return it->value(column);
}

void PendingEdits::remove(const Key &key)
{
    const QString id = text(key);
    m_keys.insert(id, key);
    m_removed.insert(id, key);
}

int PendingEdits::add()
{
    m_added.append(QMap<int, QVariant>());
    return int(m_added.size()) - 1;
}

void PendingEdits::setAdded(int row, int column, const QVariant &value)
{
    if (row >= 0 && row < m_added.size())
        m_added[row].insert(column, value);
}

std::optional<QVariant> PendingEdits::addedValue(int row, int column) const
{
    if (row < 0 || row >= m_added.size() || !m_added[row].contains(column))
        return std::nullopt;
    return m_added[row].value(column);
}

void PendingEdits::dropAdded(int row)
{
    if (row >= 0 && row < m_added.size())
        m_added.removeAt(row);
}

int PendingEdits::count() const
{
    int values = 0;
    for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it) {
        if (!m_removed.contains(it.key()))
            values += int(it->size());
    }
    return values + int(m_removed.size()) + int(m_added.size());
}

void PendingEdits::clear()
{
    m_keys.clear();
    m_values.clear();
    m_removed.clear();
    m_added.clear();
}

QList<RowEdits::Change> PendingEdits::changes(const QStringList &columns,
                                              QList<Place> *places) const
{
    QList<RowEdits::Change> out;
    for (auto it = m_keys.constBegin(); it != m_keys.constEnd(); ++it) {
        const auto values = m_values.constFind(it.key());
        if (m_removed.contains(it.key()) || values == m_values.constEnd())
            continue;
        // One statement per value: a refusal then names its cell.
        for (auto cell = values->constBegin(); cell != values->constEnd(); ++cell) {
            out << RowEdits::Change{
                RowEdits::Change::Set, it.value(), {columns[cell.key()]}, {cell.value()}};
            *places << Place{it.value(), -1, cell.key()};
        }
    }
    for (auto it = m_keys.constBegin(); it != m_keys.constEnd(); ++it) {
        if (!m_removed.contains(it.key()))
            continue;
        out << RowEdits::Change{RowEdits::Change::Delete, it.value(), {}, {}};
        *places << Place{it.value(), -1, -1};
    }
    for (int row = 0; row < m_added.size(); ++row) {
        RowEdits::Change change{RowEdits::Change::Insert, {}, {}, {}};
        for (auto cell = m_added[row].constBegin(); cell != m_added[row].constEnd(); ++cell) {
            change.columns << columns[cell.key()];
            change.values << cell.value();
        }
        out << change;
        *places << Place{{}, row, -1};
    }
    return out;
}
