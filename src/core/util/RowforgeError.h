#pragma once

#include <QString>
#include <stdexcept>

// The one exception type core code throws for user-facing failures. The message is
// written for the user: it names the file, table or value and says what went wrong.
class RowforgeError : public std::runtime_error
{
public:
    explicit RowforgeError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {}
    const QString &message() const { return m_message; }

private:
    QString m_message;
};
